package io.vgac.agents.gate;

import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Test evidence built the way the tracker would: scope from (score, samples), tier from the ECE. */
final class Evidence {
  private Evidence() {}

  static CalibrationEvidence of(String env, double score, long samples, double ece, Instant at) {
    AutonomyPolicy policy = AutonomyPolicy.ofDefaults();
    Scope scope = policy.scope(score, samples);
    TrackerState m = policy.isLearning(samples) ? TrackerState.LEARNING : TrackerState.CALIBRATED;
    return new CalibrationEvidence(env, samples, policy.isLearning(samples), score, scope,
        TierPolicy.standard().qualifiedTier(ece), ece, new Interval(ece * 0.8, ece * 1.2, 0.9), DriftSeverity.NONE,
        m, at);
  }

  /** Evidence whose ECE matches the score (score = 1 − 5·ECE). */
  static CalibrationEvidence ofScore(String env, double score, long samples, Instant at) {
    return of(env, score, samples, (1 - score) / 5, at);
  }

  static CalibrationEvidence with(
      CalibrationEvidence e, Scope scope, int tier, @Nullable DriftSeverity drift, TrackerState machine) {
    return new CalibrationEvidence(e.envId(), e.sampleCount(), e.learning(), e.calibrationScore(), scope, tier,
        e.ece(), e.eceInterval(), drift, machine, e.observedAt());
  }
}
