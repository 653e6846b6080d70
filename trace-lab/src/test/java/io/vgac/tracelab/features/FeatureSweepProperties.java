package io.vgac.tracelab.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.model.ClusterState;
import io.vgac.tracelab.RandomTraces;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.TraceJob;
import io.vgac.tracelab.read.WaitStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The sweep's causality and counts, the p90 label's training-only threshold and the time order of the split. */
class FeatureSweepProperties {

  /** Job ids in the sweep's order of {@code t} (submit time, ties in file order; unknown waits left out). */
  static List<TraceJob> sweepOrder(Trace t) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < t.jobs().size(); i++) {
      if (t.jobs().get(i).waitStatus() != WaitStatus.UNKNOWN) {
        idx.add(i);
      }
    }
    idx.sort((a, b) -> {
      int c = Long.compare(t.jobs().get(a).submit(), t.jobs().get(b).submit());
      return c != 0 ? c : Integer.compare(a, b);
    });
    return idx.stream().map(t.jobs()::get).toList();
  }

  @Property(tries = 200)
  void removingLaterSubmittedJobsLeavesEveryEarlierSnapshotUnchanged(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @DoubleRange(min = 0, max = 1) double pivotShare,
      @ForAll @DoubleRange(min = 0.05, max = 1) double dropShare) {
    Trace t = RandomTraces.trace(seed, n);
    SweptTrace full = FeatureSweep.sweep(t);
    List<TraceJob> order = sweepOrder(t);
    Assume.that(!order.isEmpty());
    int pivot = (int) Math.min(order.size() - 1, Math.floor(pivotShare * order.size()));
    // drop a random subset of the jobs after the pivot in submit order (and any job of unknown wait)
    Random r = new Random(seed ^ 0x5DEECE66DL);
    Set<TraceJob> dropped = new HashSet<>();
    for (int k = pivot + 1; k < order.size(); k++) {
      if (r.nextDouble() < dropShare) {
        dropped.add(order.get(k));
      }
    }
    List<TraceJob> kept = new ArrayList<>();
    for (TraceJob j : t.jobs()) {
      if (!dropped.contains(j)) {
        kept.add(j);
      }
    }
    SweptTrace part = FeatureSweep.sweep(RandomTraces.withJobs(t, kept));
    for (int k = 0; k <= pivot; k++) {
      assertThat(part.snapshots().get(k)).isEqualTo(full.snapshots().get(k));
    }
  }

  @Property(tries = 200)
  void countsAreNeverNegativeAndMatchANaiveRecount(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    Trace t = RandomTraces.trace(seed, n);
    List<JobSnapshot> s = FeatureSweep.sweep(t).snapshots();
    for (int k = 0; k < s.size(); k++) {
      JobSnapshot me = s.get(k);
      double now = me.source().submit();
      int pending = 0;
      int running = 0;
      int sameQueue = 0;
      long inUse = 0;
      int userPending = 0;
      for (int j = 0; j < k; j++) { // every job submitted before (ties: earlier in the file), nothing after
        TraceJob o = s.get(j).source();
        double start = o.waitStatus() == WaitStatus.OBSERVED ? o.start() : Double.POSITIVE_INFINITY;
        double run = Double.isNaN(o.run()) ? (Double.isNaN(o.requestedTime()) ? 0 : o.requestedTime()) : o.run();
        if (start > now) {
          pending++;
          sameQueue += o.queue().equals(me.source().queue()) ? 1 : 0;
          userPending += o.user() != null && o.user().equals(me.source().user()) ? 1 : 0;
        } else if (start + run > now) {
          running++;
          inUse += o.processors();
        }
      }
      ClusterState st = me.state();
      assertThat(st.pendingJobs()).isNotNegative().isEqualTo(pending);
      assertThat(st.runningJobs()).isNotNegative().isEqualTo(running);
      assertThat(st.queueDepth()).isNotNegative().isEqualTo(sameQueue);
      assertThat(me.userPending()).isNotNegative().isEqualTo(me.source().user() == null ? 0 : userPending);
      assertThat(st.gpusAvailable()).isNotNegative().isLessThanOrEqualTo(st.gpusTotal());
      if (t.capacity().isPresent()) {
        assertThat(st.gpusAvailable()).isEqualTo((int) Math.max(0, t.capacity().getAsInt() - inUse));
      }
      assertThat(me.queuedWork()).isGreaterThanOrEqualTo(-1e-9);
    }
  }

  @Property(tries = 100)
  void theP90ThresholdSeesOnlyTheTrainingPart(@ForAll long seed, @ForAll @IntRange(min = 20, max = 80) int n) {
    Trace t = RandomTraces.trace(seed, n);
    SweptTrace swept = FeatureSweep.sweep(t);
    int size = swept.snapshots().size();
    int head = Math.max(1, (int) Math.round(size * TimeSplit.DEFAULT_FIT));
    // the lower 90 % quantile of the training part's waits, censored jobs counting as longer than any
    double[] w = swept.snapshots().subList(0, head).stream().mapToDouble(s -> s.source().waitStatus()
        == WaitStatus.OBSERVED ? s.source().waitTime() : Double.POSITIVE_INFINITY).sorted().toArray();
    double expected = w[Math.max(0, (int) Math.ceil(0.9 * w.length) - 1)];
    expected = Double.isFinite(expected) && expected > 0 ? expected : 1;
    LabelRule p90 = LabelRule.parse("p90");
    assertThat(p90.threshold(swept.snapshots().subList(0, head))).isEqualTo(expected);

    // the jobs after the training part wait very differently: the trainer's threshold must not move
    Set<String> later = new HashSet<>();
    for (JobSnapshot s : swept.snapshots().subList(head, size)) {
      later.add(s.source().id());
    }
    List<TraceJob> changed = new ArrayList<>();
    for (TraceJob j : t.jobs()) {
      changed.add(later.contains(j.id()) && j.waitStatus() == WaitStatus.OBSERVED ? new TraceJob(j.id(), j.submit(),
          WaitStatus.OBSERVED, j.waitTime() * 50 + 10_000, j.run(), j.processors(), j.gpus(), j.requestedTime(),
          j.user(), j.queue()) : j);
    }
    TrainingConfig config = TrainingConfig.ofDefaults().withLabel(p90);
    TrainedRiskModel a;
    TrainedRiskModel b;
    try {
      a = RiskModelTrainer.train(swept, config);
      b = RiskModelTrainer.train(FeatureSweep.sweep(RandomTraces.withJobs(t, changed)), config);
    } catch (IllegalArgumentException tooFewOrOneClass) {
      Assume.that(false);
      return;
    }
    assertThat(a.model().thresholdSeconds()).isEqualTo(expected);
    assertThat(b.model().thresholdSeconds()).isEqualTo(expected);
  }

  @Property(tries = 200)
  void theTimeOrderedSplitNeverPutsALaterJobBeforeAnEarlierOne(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 80) int n, @ForAll @DoubleRange(min = 0.05, max = 0.7) double fit,
      @ForAll @DoubleRange(min = 0.05, max = 0.25) double calibrate) {
    SweptTrace swept = FeatureSweep.sweep(RandomTraces.trace(seed, n));
    Dataset d = Dataset.of(swept, FeatureSet.BASIC, 600);
    Assume.that(d.size() >= 3);
    TimeSplit split = TimeSplit.of(d.size(), fit, calibrate);
    assertThat(split.fitEnd()).isPositive();
    assertThat(split.calibrateEnd()).isGreaterThan(split.fitEnd()).isLessThan(d.size());
    long[] submit = d.snapshots().stream().mapToLong(s -> s.source().submit()).toArray();
    long[] sorted = submit.clone();
    Arrays.sort(sorted);
    assertThat(submit).isEqualTo(sorted); // rows are in submit order
    long fitLast = d.slice(0, split.fitEnd()).snapshots().stream().mapToLong(s -> s.source().submit()).max()
        .orElseThrow();
    long calFirst = d.slice(split.fitEnd(), split.calibrateEnd()).snapshots().stream()
        .mapToLong(s -> s.source().submit()).min().orElseThrow();
    long calLast = d.slice(split.fitEnd(), split.calibrateEnd()).snapshots().stream()
        .mapToLong(s -> s.source().submit()).max().orElseThrow();
    long testFirst = d.slice(split.calibrateEnd(), d.size()).snapshots().stream()
        .mapToLong(s -> s.source().submit()).min().orElseThrow();
    assertThat(fitLast).isLessThanOrEqualTo(calFirst);
    assertThat(calLast).isLessThanOrEqualTo(testFirst);
    // and each part's jobs keep the sweep's order (ties in file order)
    for (int i = 1; i < d.size(); i++) {
      assertThat(d.snapshots().get(i).order()).isGreaterThan(d.snapshots().get(i - 1).order());
    }
  }
}
