package io.vgac.agents.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.spi.TestClock;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.QualificationMode;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrackerEvidenceTest {
  private final TestClock clock = new TestClock(Fixture.T0);

  private EnvironmentTrackers trackers(TrackerConfig config) {
    return new EnvironmentTrackers(config, () -> clock.instant().toEpochMilli(), TrackerListener.NONE);
  }

  private static void feed(EnvironmentTrackers t, String env, int n, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] scores = {0.02, 0.05, 0.1};
    for (int i = 0; i < n; i++) {
      double p = scores[r.nextInt(3)];
      t.update(env, p, r.nextDouble() < Math.min(1, p + shift) ? 1 : 0);
    }
  }

  @Test
  void everyCallSeesTheTrackerAsItIsNowEvenWithinTheRefresh() {
    EnvironmentTrackers t = trackers(TrackerConfig.ofDefaults());
    TrackerEvidence source = new TrackerEvidence(t, clock, Duration.ofHours(1));
    feed(t, "c", 600, 0, 1);
    CalibrationEvidence calm = source.evidence("c");
    assertThat(calm.machineState()).isEqualTo(TrackerState.CALIBRATED);
    assertThat(calm.observedAt()).isEqualTo(clock.instant());

    feed(t, "c", 400, 0.6, 2); // a drift, within the same instant and far inside the refresh
    CalibrationEvidence drifted = source.evidence("c");
    EnvironmentState s = t.state("c");
    assertThat(drifted.sampleCount()).isEqualTo(1000);
    assertThat(drifted.ece()).isEqualTo(s.windowEce());
    assertThat(drifted.calibrationScore()).isEqualTo(s.calibrationScore());
    assertThat(drifted.scope()).isEqualTo(s.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(drifted.qualifiedTier()).isEqualTo(s.tier().tier());
    assertThat(drifted.drift()).isEqualTo(s.drift().assessment().severity());
    assertThat(drifted.machineState()).isEqualTo(TrackerState.DRIFTING);
  }

  @Test
  void anUnseenEnvironmentEscalatesAndIsNotCreated() {
    EnvironmentTrackers t = trackers(TrackerConfig.ofDefaults());
    CalibrationEvidence e = new TrackerEvidence(t, clock).evidence("nowhere");
    assertThat(e.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(e.sampleCount()).isZero();
    assertThat(t.size()).isZero();
  }

  @Test
  void upperBoundTiersComeFromTheBootstrapReusedWithinTheRefreshAndCappedByThePointTier() {
    TrackerConfig config = TrackerConfig.builder().qualificationMode(QualificationMode.UPPER_BOUND).build();
    EnvironmentTrackers t = trackers(config);
    TrackerEvidence source = new TrackerEvidence(t, clock, Duration.ofSeconds(1));
    feed(t, "c", 1000, 0, 3);
    CalibrationEvidence first = source.evidence("c");
    assertThat(first.qualifiedTier()).isEqualTo(t.state("c").tier().upper());
    // read before the bootstrap ran for this call: the decision still carries the cheap analytic interval
    assertThat(first.eceInterval()).isEqualTo(t.tracker("c").evidence().windowEceAnalyticInterval());
    assertThat(first.eceInterval().contains(first.ece())).isTrue();

    feed(t, "c", 400, 0.6, 4); // the point tier falls at once; the reused upper tier cannot exceed it
    CalibrationEvidence within = source.evidence("c");
    assertThat(within.qualifiedTier()).isLessThanOrEqualTo(t.tracker("c").evidence().tier().point());

    clock.advance(Duration.ofSeconds(2));
    CalibrationEvidence after = source.evidence("c");
    assertThat(after.qualifiedTier()).isEqualTo(t.state("c").tier().upper());
  }
}
