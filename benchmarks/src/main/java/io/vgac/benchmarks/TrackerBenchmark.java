package io.vgac.benchmarks;

import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentTracker;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link EnvironmentTracker#update} with every detector on (e-detector, ADWIN, Page-Hinkley, the ratio rule, the
 * window and cumulative sums; target ≤ 100 ns/op, 0 B/op — run with {@code -prof gc}), the same through the fleet
 * map, the O(1) scope decision and the point-mode tier, against an unprotected baseline that only sums.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TrackerBenchmark -prof gc}.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrackerBenchmark {
  private static final int N = 1 << 16;
  private static final double[] LOW = {0.02, 0.05, 0.1, 0.2, 0.4};

  private final double[] p = new double[N];
  private final int[] y = new int[N];
  private EnvironmentTracker tracker;
  private EnvironmentTrackers fleet;
  private final String[] ids = new String[64];
  private int i;
  private double baselineSum;

  @Setup
  public void setup() {
    for (int k = 0; k < ids.length; k++) {
      ids[k] = "env-" + k;
    }
    SplittableRandom r = new SplittableRandom(42);
    for (int k = 0; k < N; k++) {
      p[k] = LOW[r.nextInt(LOW.length)];
      y[k] = r.nextDouble() < p[k] ? 1 : 0;
    }
    // No ratio alarms: a calibrated stream must stay on the allocation-free path (alarms allocate a record).
    TrackerConfig config = TrackerConfig.builder().ratioAlarms(false).build();
    tracker = new EnvironmentTracker("bench", config, () -> 0L, TrackerListener.NONE);
    fleet = new EnvironmentTrackers(config, () -> 0L, TrackerListener.NONE);
    for (int k = 0; k < N; k++) {
      tracker.update(p[k], y[k]);
      fleet.update(ids[k & 63], p[k], y[k]);
    }
  }

  private int next() {
    int k = i;
    i = (k + 1) & (N - 1);
    return k;
  }

  @Benchmark
  public double baselineSumOnly() {
    int k = next();
    baselineSum += p[k] - y[k];
    return baselineSum;
  }

  @Benchmark
  public void update() {
    int k = next();
    tracker.update(p[k], y[k]);
  }

  @Benchmark
  public void fleetUpdate() {
    int k = next();
    fleet.update(ids[k & 63], p[k], y[k]);
  }

  @Benchmark
  public Scope scopeDecision() {
    return tracker.scope();
  }

  @Benchmark
  public void updateThenDecide(Blackhole bh) {
    int k = next();
    tracker.update(p[k], y[k]);
    bh.consume(tracker.scope());
    bh.consume(tracker.qualifiedTier());
  }
}
