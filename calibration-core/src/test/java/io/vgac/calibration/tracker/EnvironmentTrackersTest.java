package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.calibration.policy.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EnvironmentTrackersTest {
  private final ObjectMapper json = new ObjectMapper();
  private final Streams.FakeClock clock = new Streams.FakeClock();
  private final TrackerConfig config =
      TrackerConfig.builder().windowSize(400).maxAge(Duration.ofDays(1)).bootstrapResamples(50)
          .noiseResamples(50).build();

  private EnvironmentTrackers fleet() {
    return new EnvironmentTrackers(config, clock, TrackerListener.NONE);
  }

  /** Three environments in different machine states, one with a PSI reference. */
  private void populate(EnvironmentTrackers f) {
    double[] p = Streams.pick(Streams.CONCENTRATED, 3_000, 1);
    int[] ok = Streams.outcomes(p, 0, 1);
    int[] bad = Streams.outcomes(p, 0.3, 2);
    for (int i = 0; i < 1_000; i++) {
      f.update("eks-prod", p[i], ok[i]);
      f.update("slurm-a100", p[i], bad[i]);
      clock.now += 1_000;
    }
    f.tracker("eks-prod").captureReference();
    f.recalibrated("slurm-a100", "isotonic");
    for (int i = 1_000; i < 1_100; i++) {
      f.update("slurm-a100", p[i], ok[i]);
      f.update("batch-spot", p[i], ok[i]);
      clock.now += 1_000;
    }
  }

  private static void continueAll(EnvironmentTrackers f, Streams.FakeClock c) {
    double[] p = Streams.pick(Streams.CONCENTRATED, 600, 5);
    int[] y = Streams.outcomes(p, 0.05, 5);
    for (int i = 0; i < p.length; i++) {
      for (String env : List.of("eks-prod", "slurm-a100", "batch-spot", "new-env")) {
        f.update(env, p[i], y[i]);
      }
      c.now += 500;
    }
  }

  @Test
  void unknownEnvironmentHasTheDocumentedState() {
    EnvironmentTrackers f = fleet();
    EnvironmentState s = f.state("never-seen");
    assertThat(s.calibrationScore()).isEqualTo(0.5);
    assertThat(s.sampleCount()).isZero();
    assertThat(s.learning()).isTrue();
    assertThat(s.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(f.scope("never-seen")).isEqualTo(Scope.ESCALATE);
    assertThat(f.size()).isZero();
    assertThatThrownBy(() -> f.update("x", 2.0, 1)).hasMessage("Not a probability: 2.0");
    assertThat(f.size()).isZero();
    f.update("x", 0.2, 1);
    assertThat(f.state("x").learning()).isTrue();
    assertThat(f.state("x").machineState()).isEqualTo(TrackerState.LEARNING);
  }

  @Test
  void snapshotSurvivesJsonAndBehavesIdentically() throws Exception {
    EnvironmentTrackers original = fleet();
    populate(original);
    TrackersSnapshot snap = original.snapshot();
    String text = json.writeValueAsString(snap);
    TrackersSnapshot back = json.readValue(text, TrackersSnapshot.class);
    assertThat(back).isEqualTo(snap);

    Streams.FakeClock clock2 = new Streams.FakeClock();
    clock2.now = clock.now;
    EnvironmentTrackers restored = EnvironmentTrackers.restore(back, config, clock2, TrackerListener.NONE);
    assertThat(restored.snapshot()).isEqualTo(snap);
    assertThat(restored.states()).isEqualTo(original.states());
    assertThat(original.state("slurm-a100").machineState()).isEqualTo(TrackerState.RECALIBRATING);

    continueAll(original, clock);
    continueAll(restored, clock2);
    assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    assertThat(restored.states()).isEqualTo(original.states());
    System.out.printf("snapshot JSON: %d bytes for %d environments%n", text.length(), snap.trackers().size());
  }

  private TrackersSnapshot withTracker(TrackersSnapshot s, int i, UnaryOperator<TrackerSnapshot> edit) {
    List<TrackerSnapshot> ts = new ArrayList<>(s.trackers());
    ts.set(i, edit.apply(ts.get(i)));
    return new TrackersSnapshot(s.formatVersion(), s.windowSize(), s.bins(), s.environmentIds(), ts);
  }

  private static TrackerSnapshot copy(TrackerSnapshot t, long sampleCount, double[] windowP, String envId) {
    return new TrackerSnapshot(envId, sampleCount, windowP, t.windowY(), t.windowTimes(), t.baselineEce(),
        t.baselineSet(), t.cumulative(), t.eDetector(), t.eAlarmLatched(), t.adwin(), t.pageHinkley(),
        t.machineState(), t.criticalSinceAlarm(), t.ratioExcursion(), t.ratioExcursions(), t.freshLabels(),
        t.recoveryEceUpper(), t.calibratorMethod(), t.calibratorVersion(), t.transitions(), t.psiReference(),
        t.lastUpdateMillis());
  }

  @Test
  void restoreValidatesEverythingAndChangesNothingOnFailure() {
    EnvironmentTrackers f = fleet();
    populate(f);
    TrackersSnapshot good = f.snapshot();
    TrackersSnapshot before = f.snapshot();

    double[] badP = good.trackers().get(0).windowP();
    badP[3] = 1.5;
    assertThatThrownBy(() -> f.restore(withTracker(good, 0, t -> copy(t, t.sampleCount(), badP, t.envId()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environments[batch-spot].windowP[3] must be a probability in [0,1] but was 1.5");
    assertThatThrownBy(() -> f.restore(withTracker(good, 1, t -> copy(t, -1, t.windowP(), t.envId()))))
        .hasMessage("environments[eks-prod].sampleCount must be ≥ 0 but was -1");
    assertThatThrownBy(() -> f.restore(withTracker(good, 1, t -> copy(t, t.sampleCount(), t.windowP(), "ghost"))))
        .hasMessageContaining("trackers[1].envId 'ghost' is not environmentIds[1] 'eks-prod' (unknown environment id)");
    assertThatThrownBy(() -> f.restore(new TrackersSnapshot(2, 400, 15, good.environmentIds(), good.trackers())))
        .hasMessage("formatVersion must be 1 but was 2");
    assertThatThrownBy(() -> f.restore(new TrackersSnapshot(1, 400, 10, good.environmentIds(), good.trackers())))
        .hasMessage("bins must be 15 (the configuration's) but was 10");
    EnvironmentTrackers small =
        new EnvironmentTrackers(config.toBuilder().windowSize(100).build(), clock, TrackerListener.NONE);
    assertThatThrownBy(() -> small.restore(good))
        .hasMessage("environments[eks-prod].windowP holds 400 rows, larger than the window capacity 100");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void manyEnvironmentsStayBounded() {
    EnvironmentTrackers f =
        new EnvironmentTrackers(TrackerConfig.ofDefaults(), clock, TrackerListener.NONE);
    for (int e = 0; e < 2_000; e++) {
      f.update("env-" + e, 0.1, e % 10 == 0 ? 1 : 0);
    }
    EnvironmentTracker full = f.tracker("env-0");
    for (int i = 0; i < 5_000; i++) {
      full.update(0.1, i % 10 == 0 ? 1 : 0);
    }
    assertThat(f.size()).isEqualTo(2_000);
    long small = f.tracker("env-1").approximateBytes();
    long large = full.approximateBytes();
    System.out.printf("approximate bytes per tracker: %d with 1 outcome, %d with a full 1,000-row window%n",
        small, large);
    assertThat(large).isLessThan(16_000);
    assertThat(small).isLessThan(large);
  }
}
