package io.vgac.agents.gate;

import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.DriftCheck;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the gate knows about one environment's calibration: the subset of the tracker's {@link EnvironmentState} a
 * decision depends on, plus the time it was observed. Any other source (a store, a remote tracker) can build one.
 *
 * @param envId the environment
 * @param sampleCount outcomes recorded over the environment's life
 * @param learning learning mode (fewer samples than the policy's minimum)
 * @param calibrationScore clamp(1 − 5·ECE, 0, 1); NaN when unknown (the decision then escalates)
 * @param scope the tracker's scope (already capped by its own state machine)
 * @param qualifiedTier the qualified tier (0 = none), in the tracker's qualification mode
 * @param ece the window ECE; NaN when unknown (the decision then escalates)
 * @param eceInterval the ECE's interval (ends NaN when undefined)
 * @param drift the ECE-ratio band of the window; null when no ratio could be assessed
 * @param machineState the tracker's autonomy state
 * @param observedAt when this evidence was read or last refreshed; null when unknown (treated as stale)
 * @param intervals the realised coverage of the environment's wait intervals; null when not tracked (no decision
 *     reads it: it is reported beside the ECE)
 */
public record CalibrationEvidence(
    String envId,
    long sampleCount,
    boolean learning,
    double calibrationScore,
    Scope scope,
    int qualifiedTier,
    double ece,
    Interval eceInterval,
    @Nullable DriftSeverity drift,
    TrackerState machineState,
    @Nullable Instant observedAt,
    @Nullable IntervalCoverage intervals) {

  public CalibrationEvidence {
    if (envId.isBlank()) {
      throw new IllegalArgumentException("envId must not be blank but was '" + envId + "'");
    }
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must be ≥ 0 but was " + sampleCount);
    }
    if (qualifiedTier < 0) {
      throw new IllegalArgumentException("qualifiedTier must be ≥ 0 but was " + qualifiedTier);
    }
  }

  /** Evidence without interval coverage (the form before it existed). */
  public CalibrationEvidence(String envId, long sampleCount, boolean learning, double calibrationScore, Scope scope,
      int qualifiedTier, double ece, Interval eceInterval, @Nullable DriftSeverity drift, TrackerState machineState,
      @Nullable Instant observedAt) {
    this(envId, sampleCount, learning, calibrationScore, scope, qualifiedTier, ece, eceInterval, drift, machineState,
        observedAt, null);
  }

  /** This evidence with {@code coverage} as its interval coverage. */
  public CalibrationEvidence withIntervals(@Nullable IntervalCoverage coverage) {
    return new CalibrationEvidence(envId, sampleCount, learning, calibrationScore, scope, qualifiedTier, ece,
        eceInterval, drift, machineState, observedAt, coverage);
  }

  /**
   * The evidence in a tracker's state, observed at {@code observedAt} (the time the state was read from a live
   * tracker, or the time a stored copy was last refreshed).
   */
  public static CalibrationEvidence from(EnvironmentState state, @Nullable Instant observedAt) {
    DriftCheck d = state.drift();
    return new CalibrationEvidence(
        state.envId(),
        state.sampleCount(),
        state.learning(),
        state.calibrationScore(),
        state.scope(),
        state.tier().tier(),
        state.windowEce(),
        state.windowEceInterval(),
        d == null ? null : d.assessment().severity(),
        state.machineState(),
        observedAt);
  }
}
