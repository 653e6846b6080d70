package io.vgac.agents.spi;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Instant;

/** Evidence built the way the tracker would: scope from (score, samples), tier from the ECE. */
public final class TestEvidence {
  private TestEvidence() {}

  public static CalibrationEvidence of(String env, double score, long samples, double ece, Instant at) {
    AutonomyPolicy policy = AutonomyPolicy.ofDefaults();
    Scope scope = policy.scope(score, samples);
    TrackerState m = policy.isLearning(samples) ? TrackerState.LEARNING : TrackerState.CALIBRATED;
    return new CalibrationEvidence(env, samples, policy.isLearning(samples), score, scope,
        TierPolicy.standard().qualifiedTier(ece), ece, new Interval(ece * 0.8, ece * 1.2, 0.9), DriftSeverity.NONE,
        m, at);
  }

  /** Evidence whose ECE matches the score (score = 1 − 5·ECE). */
  public static CalibrationEvidence ofScore(String env, double score, long samples, Instant at) {
    return of(env, score, samples, (1 - score) / 5, at);
  }

  /** Evidence whose score matches the ECE (score = clamp(1 − 5·ECE, 0, 1)). */
  public static CalibrationEvidence ofEce(String env, double ece, long samples, Instant at) {
    return of(env, AutonomyPolicy.ofDefaults().calibrationScore(ece), samples, ece, at);
  }
}
