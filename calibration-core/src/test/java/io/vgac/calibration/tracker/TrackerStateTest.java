package io.vgac.calibration.tracker;

import static io.vgac.calibration.tracker.TrackerState.CALIBRATED;
import static io.vgac.calibration.tracker.TrackerState.DRIFTING;
import static io.vgac.calibration.tracker.TrackerState.LEARNING;
import static io.vgac.calibration.tracker.TrackerState.RECALIBRATING;
import static io.vgac.calibration.tracker.TrackerState.RECOVERING;
import static io.vgac.calibration.tracker.TransitionTrigger.DRIFT_DETECTED;
import static io.vgac.calibration.tracker.TransitionTrigger.FRESH_LABELS_QUIET;
import static io.vgac.calibration.tracker.TransitionTrigger.LEARNING_COMPLETE;
import static io.vgac.calibration.tracker.TransitionTrigger.RECALIBRATED;
import static io.vgac.calibration.tracker.TransitionTrigger.UPPER_BOUND_WITHIN_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.policy.Scope;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerStateTest {

  @Test
  void transitionTableIsExactlyTheDocumentedOne() {
    Map<TrackerState, Map<TransitionTrigger, TrackerState>> expected = new EnumMap<>(TrackerState.class);
    for (TrackerState s : TrackerState.values()) {
      expected.put(s, new EnumMap<>(TransitionTrigger.class));
    }
    expected.get(LEARNING).put(LEARNING_COMPLETE, CALIBRATED);
    for (TrackerState s : new TrackerState[] {LEARNING, CALIBRATED, RECALIBRATING, RECOVERING}) {
      expected.get(s).put(DRIFT_DETECTED, DRIFTING);
    }
    for (TrackerState s : new TrackerState[] {DRIFTING, RECALIBRATING, RECOVERING}) {
      expected.get(s).put(RECALIBRATED, RECALIBRATING);
    }
    expected.get(RECALIBRATING).put(FRESH_LABELS_QUIET, RECOVERING);
    expected.get(RECOVERING).put(UPPER_BOUND_WITHIN_LIMIT, CALIBRATED);
    for (TrackerState s : TrackerState.values()) {
      for (TransitionTrigger t : TransitionTrigger.values()) {
        assertThat(s.on(t).orElse(null)).as("%s on %s", s, t).isEqualTo(expected.get(s).get(t));
      }
    }
  }

  @Test
  void onlyCalibratedAllowsAutonomy() {
    for (TrackerState s : TrackerState.values()) {
      for (boolean critical : new boolean[] {false, true}) {
        assertThat(s.cap(critical) == Scope.AUTONOMOUS).isEqualTo(s == CALIBRATED);
      }
    }
    assertThat(DRIFTING.cap(true)).isEqualTo(Scope.ESCALATE);
    assertThat(DRIFTING.cap(false)).isEqualTo(Scope.NOTIFY);
    assertThat(LEARNING.cap(false)).isEqualTo(Scope.ESCALATE);
    assertThat(RECALIBRATING.cap(false)).isEqualTo(Scope.NOTIFY);
    assertThat(RECOVERING.cap(false)).isEqualTo(Scope.NOTIFY);
  }

  @Test
  void theOnlyWayBackToCalibratedFromDriftingIsThroughRecalibrationAndRecovery() {
    // Every path from DRIFTING to CALIBRATED passes RECALIBRATED, FRESH_LABELS_QUIET, UPPER_BOUND_WITHIN_LIMIT.
    for (TransitionTrigger t : TransitionTrigger.values()) {
      assertThat(DRIFTING.on(t).orElse(null)).isNotEqualTo(CALIBRATED);
      assertThat(RECALIBRATING.on(t).orElse(null)).isNotEqualTo(CALIBRATED);
    }
  }
}
