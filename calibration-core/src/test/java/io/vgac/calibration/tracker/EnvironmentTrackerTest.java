package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.drift.DriftDirection;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.policy.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentTrackerTest {
  private final Streams.FakeClock clock = new Streams.FakeClock();
  private final List<DetectorAlarm> alarms = new ArrayList<>();
  private final List<StateTransition> transitions = new ArrayList<>();
  private final TrackerListener recorder =
      new TrackerListener() {
        @Override
        public void onAlarm(DetectorAlarm alarm) {
          alarms.add(alarm);
        }

        @Override
        public void onTransition(String envId, StateTransition transition) {
          transitions.add(transition);
        }
      };

  private EnvironmentTracker tracker(TrackerConfig config) {
    return new EnvironmentTracker("eks-prod", config, clock, recorder);
  }

  private static void feed(EnvironmentTracker t, double[] p, int[] y) {
    for (int i = 0; i < p.length; i++) {
      t.update(p[i], y[i]);
    }
  }

  @Test
  void badUpdatesAreRejectedAndChangeNothing() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    t.update(0.3, 1);
    TrackerSnapshot before = t.snapshot();
    assertThatThrownBy(() -> t.update(Double.NaN, 1)).hasMessage("Not a probability: NaN");
    assertThatThrownBy(() -> t.update(1.2, 0)).hasMessage("Not a probability: 1.2");
    assertThatThrownBy(() -> t.update(0.5, 2)).hasMessage("Not a 0/1 label: 2");
    assertThat(t.snapshot()).isEqualTo(before);
  }

  @Test
  void learningEndsAtFiftySamples() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    double[] p = Streams.pick(Streams.CONCENTRATED, 50, 1);
    int[] y = Streams.outcomes(p, 0, 1);
    for (int i = 0; i < 49; i++) {
      t.update(p[i], y[i]);
    }
    assertThat(t.state().learning()).isTrue();
    assertThat(t.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(t.machineState()).isEqualTo(TrackerState.LEARNING);
    t.update(p[49], y[49]);
    assertThat(t.machineState()).isEqualTo(TrackerState.CALIBRATED);
    assertThat(t.state().learning()).isFalse();
    assertThat(transitions).extracting(StateTransition::trigger).containsExactly(TransitionTrigger.LEARNING_COMPLETE);
    assertThat(transitions.get(0).sampleCount()).isEqualTo(50);
  }

  @Test
  void incrementalWindowEceEqualsTheBatchEceOfTheWindow() {
    EnvironmentTracker t = tracker(TrackerConfig.builder().windowSize(300).build());
    double[] p = Streams.uniformScores(5_000, 4);
    int[] y = Streams.outcomes(p, 0.1, 4);
    feed(t, p, y);
    TrackerSnapshot s = t.snapshot();
    assertThat(s.windowP()).hasSize(300);
    double batch =
        CalibrationMetrics.report(
                Predictions.of(s.windowP(), s.windowY()),
                CalibrationOptions.builder().binning(Binning.uniform(15)).build())
            .ece();
    EnvironmentState st = t.state();
    assertThat(st.windowEce()).isCloseTo(batch, within(1e-11));
    assertThat(st.windowSize()).isEqualTo(300);
    assertThat(st.sampleCount()).isEqualTo(5_000);
    assertThat(st.cumulativeEce())
        .isCloseTo(CalibrationMetrics.report(Predictions.of(p, y)).ece(), within(1e-12));
    assertThat(st.windowEceBound().upper()).isGreaterThanOrEqualTo(st.windowEce());
    assertThat(st.windowEceInterval().level()).isCloseTo(0.9, within(1e-12));
    assertThat(st.windowDirection()).isEqualTo(DriftDirection.UNDER);
    assertThat(t.state()).isSameAs(st); // cached until the next update
    t.update(0.5, 1);
    assertThat(t.state()).isNotSameAs(st);
  }

  @Test
  void oldEntriesAreEvictedByAge() {
    EnvironmentTracker t = tracker(TrackerConfig.builder().maxAge(Duration.ofMinutes(10)).build());
    for (int i = 0; i < 100; i++) {
      t.update(0.2, i % 5 == 0 ? 1 : 0);
      clock.now += 10_000; // 10 s apart: 1,000 s in all
    }
    assertThat(t.state().windowSize()).isEqualTo(60); // the last 600 s
    clock.now += 3_600_000;
    assertThat(t.state().windowSize()).isZero();
    assertThat(t.state().sampleCount()).isEqualTo(100);
    assertThat(t.scope()).isEqualTo(Scope.ESCALATE);
  }

  @Test
  void evidenceAlwaysCarriesAnInterval() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    assertThat(t.evidence().windowEceInterval(0.95).isDefined()).isFalse();
    double[] p = Streams.uniformScores(300, 31);
    int[] y = Streams.outcomes(p, 0, 31);
    feed(t, p, y);
    EnvironmentEvidence e = t.evidence();
    io.vgac.calibration.Interval ci = e.windowEceInterval(0.95);
    assertThat(e.boundKnown()).isFalse(); // no bootstrap was run: the analytic interval stands in
    assertThat(ci.lo()).isLessThanOrEqualTo(e.windowEce());
    assertThat(ci.hi()).isGreaterThan(e.windowEce());
    EceBound analytic = EceBounds.analytic(p, y, 15, 0.9);
    assertThat(ci.hi() - e.windowEce()).isCloseTo(analytic.upper() - analytic.ece(), within(1e-12));
    assertThat(ci.level()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void eventTimesDriveAgeEvictionWithoutReadingTheClock() {
    EnvironmentTracker t = tracker(TrackerConfig.builder().maxAge(Duration.ofMinutes(10)).build());
    long start = 1_700_000_000_000L;
    for (int i = 0; i < 100; i++) {
      t.update(0.2, i % 5 == 0 ? 1 : 0, start + i * 10_000L); // trace time, 10 s apart
    }
    clock.now = start + 99 * 10_000L; // "now" is the last event's time: events from 390 s on are kept
    assertThat(t.state().windowSize()).isEqualTo(61);
    assertThat(t.state().sampleCount()).isEqualTo(100);
  }

  @Test
  void calibratedConcentratedStreamBecomesAutonomous() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    double[] p = Streams.pick(Streams.CONCENTRATED, 2_000, 8);
    feed(t, p, Streams.outcomes(p, 0, 8));
    EnvironmentState s = t.state();
    assertThat(s.machineState()).isEqualTo(TrackerState.CALIBRATED);
    assertThat(s.scope()).isEqualTo(Scope.AUTONOMOUS);
    assertThat(s.eDetector().alarmed()).isFalse();
    assertThat(s.tier().point()).isEqualTo(4);
    assertThat(alarms).noneMatch(a -> a.detector() == DetectorKind.CALIBRATION_EPROCESS);
  }

  @Test
  void hysteresisAutonomyReturnsOnlyAfterRecalibrationFreshLabelsAndBound() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    double[] p = Streams.pick(Streams.CONCENTRATED, 12_000, 9);
    int[] calibrated = Streams.outcomes(p, 0, 9);
    int[] shifted = Streams.outcomes(p, 0.3, 10);
    int i = 0;
    for (; i < 2_000; i++) {
      t.update(p[i], calibrated[i]);
    }
    assertThat(t.scope()).isEqualTo(Scope.AUTONOMOUS);

    // Drift: over-confident low scores, outcomes 30 points more frequent.
    for (; i < 2_400; i++) {
      t.update(p[i], shifted[i]);
      if (t.machineState() == TrackerState.DRIFTING) {
        break;
      }
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.DRIFTING);
    DetectorAlarm first = alarms.stream().filter(a -> a.detector() == DetectorKind.CALIBRATION_EPROCESS)
        .findFirst().orElseThrow();
    assertThat(first.direction()).isEqualTo(DriftDirection.UNDER);
    assertThat(first.sampleIndex()).isGreaterThanOrEqualTo(2_000);
    assertThat(t.state().recalibrationRequired()).isTrue();
    assertThat(t.scope()).isIn(Scope.NOTIFY, Scope.ESCALATE);

    // Keep drifting until the window ratio is CRITICAL: escalate-only.
    for (int k = 0; k < 1_000; k++, i++) {
      t.update(p[i], shifted[i]);
    }
    assertThat(t.state().drift().assessment().escalateOnly()).isTrue();
    assertThat(t.scope()).isEqualTo(Scope.ESCALATE);

    // The stream becomes calibrated again, but without a recalibration autonomy never comes back.
    for (int k = 0; k < 3_000; k++, i++) {
      t.update(p[i], calibrated[i]);
      assertThat(t.scope()).isNotEqualTo(Scope.AUTONOMOUS);
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.DRIFTING);

    // Recalibration: probation starts; fresh labels accumulate; autonomy only after all three conditions.
    assertThat(t.recalibrated("isotonic")).isEqualTo(1);
    assertThat(t.machineState()).isEqualTo(TrackerState.RECALIBRATING);
    assertThat(t.state().windowSize()).isZero();
    assertThat(t.state().eDetector().count()).isZero();
    long fresh = 0;
    boolean autonomous = false;
    for (; i < p.length && !autonomous; i++) {
      t.update(p[i], calibrated[i]);
      fresh++;
      autonomous = t.scope() == Scope.AUTONOMOUS;
      if (fresh < 200) {
        assertThat(t.machineState()).isEqualTo(TrackerState.RECALIBRATING);
        assertThat(autonomous).isFalse();
      }
    }
    assertThat(autonomous).as("autonomy returned within %d fresh labels", fresh).isTrue();
    EnvironmentState s = t.state();
    assertThat(s.machineState()).isEqualTo(TrackerState.CALIBRATED);
    assertThat(s.freshLabels()).isGreaterThanOrEqualTo(200);
    assertThat(s.recoveryEceUpper()).isLessThan(0.03);
    assertThat(s.calibratorMethod()).isEqualTo("isotonic");
    assertThat(s.calibratorVersion()).isEqualTo(1);
    assertThat(transitions).extracting(StateTransition::trigger).containsExactly(
        TransitionTrigger.LEARNING_COMPLETE,
        TransitionTrigger.DRIFT_DETECTED,
        TransitionTrigger.RECALIBRATED,
        TransitionTrigger.FRESH_LABELS_QUIET,
        TransitionTrigger.UPPER_BOUND_WITHIN_LIMIT);
    assertThat(s.transitions()).isEqualTo(transitions);
    System.out.printf("hysteresis: autonomy back after %d fresh labels, fresh ECE upper %.4f%n",
        fresh, s.recoveryEceUpper());
  }

  @Test
  void anAlarmWhileRecalibratingGoesBackToDrifting() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    double[] p = Streams.pick(Streams.CONCENTRATED, 4_000, 12);
    int[] shifted = Streams.outcomes(p, 0.4, 12);
    int i = 0;
    for (; i < 1_000 && t.machineState() != TrackerState.DRIFTING; i++) {
      t.update(p[i], shifted[i]);
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.DRIFTING);
    t.recalibrated("platt");
    // The "recalibrated" model is still wrong: the restarted e-detector alarms again before 200 fresh labels.
    for (int k = 0; k < 200 && t.machineState() == TrackerState.RECALIBRATING; k++, i++) {
      t.update(p[i], shifted[i]);
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.DRIFTING);
    assertThat(t.scope()).isNotEqualTo(Scope.AUTONOMOUS);
    assertThat(t.state().recalibrationRequired()).isTrue();
  }

  @Test
  void theEDetectorDrivesAutonomyByDefaultAndTheRatioRuleOnlyWhenAskedFor() {
    // A calibrated stream on uniform scores with a 200-row window: the window ECE alone is ≈ 4.7× the 0.018
    // baseline, so the design's ratio rule calls it drift while the e-detector stays quiet.
    double[] p = Streams.uniformScores(3_000, 21);
    int[] y = Streams.outcomes(p, 0, 21);
    EnvironmentTracker byDefault = tracker(TrackerConfig.builder().windowSize(200).build());
    EnvironmentTracker designRule = tracker(TrackerConfig.builder().windowSize(200).ratioAlarms(true).build());
    for (int i = 0; i < p.length; i++) {
      byDefault.update(p[i], y[i]);
      designRule.update(p[i], y[i]);
    }
    assertThat(byDefault.machineState()).isNotEqualTo(TrackerState.DRIFTING);
    assertThat(byDefault.state().eDetector().alarmed()).isFalse();
    assertThat(designRule.machineState()).isEqualTo(TrackerState.DRIFTING);
    assertThat(designRule.state().drift().withinNoise()).isTrue();
    // Either way the ratio excursions are reported, once each (an excursion ends back in the stable band).
    assertThat(alarms.stream().filter(a -> a.detector() == DetectorKind.ECE_RATIO)).isNotEmpty();
  }

  @Test
  void recoveringWaitsForTheUpperBound() {
    // Uniform scores: 200 fresh labels cannot certify ECE < 0.03, so the environment stays RECOVERING (NOTIFY cap).
    EnvironmentTracker t = tracker(TrackerConfig.builder().ratioAlarms(false).build());
    double[] p = Streams.uniformScores(3_000, 13);
    int[] shifted = Streams.outcomes(p, 0.4, 13);
    int[] calibrated = Streams.outcomes(p, 0, 14);
    int i = 0;
    for (; i < 1_000 && t.machineState() != TrackerState.DRIFTING; i++) {
      t.update(p[i], shifted[i]);
    }
    t.recalibrated("beta");
    for (int k = 0; k < 600; k++, i++) {
      t.update(p[i], calibrated[i]);
      assertThat(t.scope()).isNotEqualTo(Scope.AUTONOMOUS);
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.RECOVERING);
    assertThat(t.state().recoveryEceUpper()).isGreaterThan(0.03);
  }

  @Test
  void recalibrationVersionsIncrease() {
    EnvironmentTracker t = tracker(TrackerConfig.ofDefaults());
    assertThat(t.state().calibratorMethod()).isEqualTo(EnvironmentState.NO_CALIBRATOR);
    assertThat(t.recalibrated("platt")).isEqualTo(1);
    assertThat(t.recalibrated("isotonic", 7)).isEqualTo(7);
    assertThatThrownBy(() -> t.recalibrated("isotonic", 7))
        .hasMessage("version must be > 7 (the active calibrator's) but was 7");
    assertThatThrownBy(() -> t.recalibrated(" ")).hasMessageContaining("method must not be blank");
    assertThat(t.recalibrated(io.vgac.calibration.recalibration.CalibrationMethod.ISOTONIC.fit(
        new double[] {0.1, 0.4, 0.6, 0.9}, new int[] {0, 0, 1, 1}))).isEqualTo(8);
    assertThat(t.state().calibratorMethod()).isEqualTo("isotonic");
    assertThat(t.machineState()).isEqualTo(TrackerState.LEARNING);
  }

  @Test
  void listenerFailuresNeverChangeTheTracker() {
    TrackerListener failing =
        new TrackerListener() {
          @Override
          public void onTransition(String envId, StateTransition transition) {
            throw new IllegalStateException("listener down");
          }
        };
    EnvironmentTracker t = new EnvironmentTracker("a", TrackerConfig.ofDefaults(), clock, failing);
    for (int i = 0; i < 60; i++) {
      t.update(0.05, 0);
    }
    assertThat(t.machineState()).isEqualTo(TrackerState.CALIBRATED);
  }

  @Test
  void psiAgainstACapturedReference() {
    EnvironmentTracker t = tracker(TrackerConfig.builder().windowSize(500).build());
    double[] p = Streams.uniformScores(500, 1);
    feed(t, p, Streams.outcomes(p, 0, 1));
    assertThat(t.state().psi().band()).isEqualTo(io.vgac.calibration.drift.PsiBand.INSUFFICIENT_DATA);
    t.captureReference();
    double[] q = new double[500];
    for (int i = 0; i < q.length; i++) {
      q[i] = p[i] * p[i];
    }
    feed(t, q, Streams.outcomes(q, 0, 2));
    assertThat(t.state().psi().value()).isGreaterThan(0.25);
  }

  @Test
  void upperBoundModeActsOnTheBound() {
    TrackerConfig upper = TrackerConfig.builder().qualificationMode(QualificationMode.UPPER_BOUND).build();
    EnvironmentTracker t = tracker(upper);
    double[] p = Streams.pick(new double[] {0.2, 0.5, 0.8}, 60, 3);
    feed(t, p, Streams.outcomes(p, 0, 3));
    EnvironmentState s = t.state();
    assertThat(s.tier().tier()).isEqualTo(s.tier().upper());
    assertThat(t.qualifiedTier()).isEqualTo(s.tier().upper());
    assertThat(s.tier().upper()).isLessThanOrEqualTo(s.tier().point());
  }
}
