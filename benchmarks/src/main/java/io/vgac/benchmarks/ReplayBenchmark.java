package io.vgac.benchmarks;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.tools.Notifier;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.read.MalformedLinePolicy;
import io.vgac.tracelab.read.Traces;
import io.vgac.tracelab.replay.AgentReplay;
import io.vgac.tracelab.replay.RecalibratingPredictor;
import io.vgac.tracelab.replay.ReplayClock;
import io.vgac.tracelab.replay.ReplayPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7's replay target: the whole CEA-Curie log (312,826 jobs; not bundled — {@code trace} names the file, default
 * {@code ../shared/data/traces/CEA-Curie-2011-2.1-cln.swf.gz} from the repository root, or {@code -Dvgac.trace=…})
 * through {@link AgentReplay} and the full agent loop: in-memory telemetry, {@link FileCalibrationStore} in a fresh
 * temporary directory (without fsync, as the demo runs it), the rule-based planner, the in-memory decision log and
 * approval queue, the trackers on the replay's event-time clock. The predictor is the demo's: the risk model trained
 * on the bundled KTH-SP2 trace, wrapped in the isotonic-refitting {@link RecalibratingPredictor}. Parsing, the
 * feature sweep and training happen once, outside the measurement; each invocation is one replay from fresh agents.
 * Target ≤ 10 s. Run: {@code java -jar benchmarks/target/benchmarks.jar ReplayBenchmark -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
public class ReplayBenchmark {
  /** The SWF log to replay (gzip or plain). */
  @Param("")
  public String trace;

  private SweptTrace swept;
  private LogisticWaitModel model;
  private Path storeDir;
  private FileCalibrationStore store;
  private Agents agents;
  private AgentReplay replay;
  private InMemoryClusterTelemetry telemetry;
  private RecalibratingPredictor predictor;

  @Setup(Level.Trial)
  public void load() {
    String path = trace.isEmpty()
        ? System.getProperty("vgac.trace", "../shared/data/traces/CEA-Curie-2011-2.1-cln.swf.gz") : trace;
    swept = FeatureSweep.sweep(Traces.read(Path.of(path), MalformedLinePolicy.SKIP));
    model = RiskModelTrainer.train(FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2)), TrainingConfig.ofDefaults())
        .model().toWaitModel("trace-lab-kth-sp2-1");
  }

  @Setup(Level.Invocation)
  public void freshAgents() throws IOException {
    storeDir = Files.createTempDirectory("vgac-replay-bench");
    ReplayClock clock = new ReplayClock(Instant.EPOCH);
    replay = new AgentReplay(clock, 200);
    telemetry = new InMemoryClusterTelemetry(clock);
    predictor = new RecalibratingPredictor(new LogisticWaitPredictor(model), CalibrationMethod.ISOTONIC, 1000);
    store = new FileCalibrationStore(storeDir, clock, false);
    agents = Agents.builder().clock(clock).telemetry(telemetry).predictor(predictor).notifier(Notifier.none())
        .trackers(new EnvironmentTrackers(TrackerConfig.ofDefaults(), clock::millis, replay.listener()))
        .store(store).gateConfig(GateConfig.builder().maxEvidenceAge(Duration.ofDays(7)).build()).build();
  }

  @TearDown(Level.Invocation)
  public void deleteStore() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(storeDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** One whole replay; returns the scored outcomes (so nothing is optimised away, and runs can be compared). */
  @Benchmark
  public long curieReplay() {
    replay.run(agents, telemetry, predictor,
        List.of(new ReplayPhase("cea-curie", swept, 0, swept.snapshots().size())), done -> { });
    return replay.tally("cea-curie").outcomes();
  }
}
