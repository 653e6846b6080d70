package io.vgac.benchmarks;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.agents.tools.RecordingNotifier;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.JobStarted;
import io.vgac.agents.workflow.JobSubmitted;
import io.vgac.agents.workflow.StartResult;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.agents.workflow.WorkflowEvent;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.tracker.TrackerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The agents' workflow end to end: {@code Agents.builder()} defaults (cached in-memory telemetry, rule-based
 * planner, dry-run scheduler, in-memory approval queue, store and decision log, live {@code TrackerEvidence}) with
 * an in-memory alert sink ({@link RecordingNotifier}) and a fixed clock. The predictor is a seeded table of p
 * values (so the mix of tiers is known), not the logistic default.
 *
 * <ul>
 *   <li>{@link #oneJob}: one job submitted and started (observe, predict, evidence, plan, gate, log, notify or
 *       escalate; then label, tracker update, stored prediction). SampleTime percentiles. Three mixes:
 *       {@code NONE} — calibrated clusters (AUTONOMOUS/NOTIFY), so no action escalates; {@code ALL} — clusters
 *       still learning (policy minimum 10⁹ samples) with good calibration, so every proposed action escalates;
 *       {@code MIX} — p skewed low (60% of jobs propose nothing), and 1 job in 5 goes to a learning deployment.
 *   <li>{@link #replay}: 100,000 jobs over 8 clusters from a fresh {@code Agents} (learning at first), submissions
 *       and starts interleaved in time order, skewed p; reported as jobs per second.
 * </ul>
 *
 * Each measurement iteration starts from new Agents, since the in-memory log, queue and store keep everything.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar WorkflowBenchmark -wi 3 -i 5 -f 1}.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WorkflowBenchmark {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final Duration SHORT_WAIT = Duration.ofMinutes(1);
  static final Duration LONG_WAIT = Duration.ofMinutes(20); // above the 600 s label threshold
  static final int POOL = 1 << 14;

  /** p for the NONE and ALL mixes: every job reaches tier 1 or 2 (annotate or warn). */
  static final double[] PROPOSING = {0.35, 0.55};
  /** p for the mixed workloads: mostly nothing to do, some annotate/warn/suggest. */
  static final double[] SKEWED = {0.05, 0.05, 0.1, 0.1, 0.15, 0.2, 0.35, 0.35, 0.55, 0.75};

  /** The predictor: p looked up from the job's priority field (set to the index of p in the table). */
  static WaitTimePredictor tablePredictor(double[] table) {
    return (job, state) -> new WaitPrediction(job.jobId(), table[job.priority()], Duration.ofMinutes(10), 0.8, "t");
  }

  static Agents agents(double[] table, boolean learning, RecordingNotifier sink) {
    Agents.Builder b = Agents.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).notifier(sink)
        .predictor(tablePredictor(table));
    if (learning) {
      b.trackerConfig(TrackerConfig.builder()
          .autonomyPolicy(AutonomyPolicy.builder().minSamples(1_000_000_000).build()).build());
    }
    return b.build();
  }

  static ClusterState idle(String cluster) {
    return new ClusterState(cluster, SchedulerType.SLURM, 10, 80, 80, 0, 0, 0, 0, T0);
  }

  /** Calibrated history on {@code cluster}: outcomes ~ Bernoulli(p) at the table's p values. */
  static void pretrain(Agents a, String cluster, double[] table, long seed) {
    a.inMemoryTelemetry().orElseThrow().put(idle(cluster));
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      double p = table[r.nextInt(table.length)];
      a.trackers().update(cluster, p, r.nextDouble() < p ? 1 : 0, T0.toEpochMilli());
    }
  }

  /** One workload: a pool of jobs with their p index and a Bernoulli(p) label, reused round-robin. */
  @State(Scope.Thread)
  public static class OneJob {
    @Param({"NONE", "ALL", "MIX"})
    public String mix;

    static final String[] CLUSTERS = {"slurm-a", "slurm-b", "eks-c", "batch-d"};

    Agents calibrated;
    Agents learning;
    final Job[] jobs = new Job[POOL];
    final Instant[] starts = new Instant[POOL];
    final boolean[] toLearning = new boolean[POOL];
    int next;
    long escalated;
    long actions;
    long ops;

    @Setup(Level.Iteration)
    public void setUp() {
      double[] table = "MIX".equals(mix) ? SKEWED : PROPOSING;
      calibrated = agents(table, false, new RecordingNotifier());
      learning = agents(table, true, new RecordingNotifier());
      for (int c = 0; c < CLUSTERS.length; c++) {
        pretrain(calibrated, CLUSTERS[c], table, 11 + c);
        pretrain(learning, CLUSTERS[c], table, 21 + c);
      }
      SplittableRandom r = new SplittableRandom(42);
      for (int i = 0; i < POOL; i++) {
        int k = r.nextInt(table.length);
        jobs[i] = new Job("job-" + i, CLUSTERS[i % CLUSTERS.length], "alice", "gpu", 4, 8, 32_768,
            Duration.ofHours(2), k, T0);
        starts[i] = T0.plus(r.nextDouble() < table[k] ? LONG_WAIT : SHORT_WAIT);
        toLearning[i] = "ALL".equals(mix) || ("MIX".equals(mix) && r.nextInt(5) == 0);
      }
      next = 0;
      escalated = 0;
      actions = 0;
      ops = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
      System.out.printf("%n  [%s] %d jobs, %d actions, %.1f%% of actions escalated%n", mix, ops, actions,
          actions == 0 ? 0.0 : 100.0 * escalated / actions);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public StartResult oneJob(OneJob s) {
    int i = s.next;
    s.next = (i + 1) & (POOL - 1);
    Job job = s.jobs[i];
    Agents a = s.toLearning[i] ? s.learning : s.calibrated;
    SubmissionResult sub = a.submit(job);
    for (ActionResult r : sub.actions()) {
      s.actions++;
      if (r.decision() == Decision.ESCALATE) {
        s.escalated++;
      }
    }
    s.ops++;
    return a.start(job.clusterId(), job.jobId(), s.starts[i]);
  }

  /** 100,000 jobs' events over 8 clusters, in time order, replayed into fresh Agents. */
  @State(Scope.Thread)
  public static class Replay {
    static final int JOBS = 100_000;
    final List<WorkflowEvent> events = new ArrayList<>(2 * JOBS);
    Agents agents;

    @Setup(Level.Trial)
    public void events() {
      SplittableRandom r = new SplittableRandom(7);
      record Timed(long at, int order, WorkflowEvent e) {}
      List<Timed> timed = new ArrayList<>(2 * JOBS);
      for (int i = 0; i < JOBS; i++) {
        String cluster = "cluster-" + r.nextInt(8);
        Instant submit = T0.plusSeconds(i / 10); // ten submissions per second
        int k = r.nextInt(SKEWED.length);
        Job job = new Job("job-" + i, cluster, "user" + r.nextInt(50), "gpu", 1 + r.nextInt(8), 8, 32_768, null, k,
            submit);
        Instant start = submit.plus(r.nextDouble() < SKEWED[k] ? LONG_WAIT : SHORT_WAIT);
        timed.add(new Timed(submit.toEpochMilli(), 2 * i, new JobSubmitted(job)));
        timed.add(new Timed(start.toEpochMilli(), 2 * i + 1, new JobStarted(cluster, job.jobId(), start)));
      }
      timed.sort(Comparator.comparingLong(Timed::at).thenComparingInt(Timed::order));
      for (Timed t : timed) {
        events.add(t.e());
      }
    }

    @Setup(Level.Invocation)
    public void freshAgents() {
      // The fixed clock keeps every cluster state fresh; the trackers are timed by the events themselves.
      agents = agents(SKEWED, false, new RecordingNotifier());
      for (int c = 0; c < 8; c++) {
        agents.inMemoryTelemetry().orElseThrow().put(idle("cluster-" + c));
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(Replay.JOBS)
  public void replay(Replay s, Blackhole bh) {
    var w = s.agents.workflow();
    for (WorkflowEvent e : s.events) {
      bh.consume(w.handle(e));
    }
  }
}
