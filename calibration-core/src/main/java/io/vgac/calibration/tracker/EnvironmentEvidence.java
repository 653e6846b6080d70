package io.vgac.calibration.tracker;

import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import java.time.Instant;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a per-action decision needs to know about one environment, read in O(1) ({@link
 * EnvironmentTracker#evidence()}): the fields of {@link EnvironmentState} that the tracker maintains incrementally,
 * without the bootstrap interval, the noise floor, PSI or the detector readings, which cost milliseconds. Every
 * field shared with {@link EnvironmentState} has the same value {@link EnvironmentTracker#state()} would report at
 * the same moment.
 *
 * @param envId the environment
 * @param sampleCount outcomes recorded over the environment's life
 * @param windowSize outcomes currently in the sliding window
 * @param learning learning mode: sampleCount below the policy's minimum
 * @param windowEce ECE of the window (uniform bins); NaN when the window is empty
 * @param calibrationScore clamp(1 − 5·windowEce, 0, 1); NaN when the window is empty
 * @param scope what an agent may do here now: the policy's scope, capped by the machine state
 * @param tier the point tier always; the upper-bound tier only when {@code windowEceBound} is known, else 0 with
 *     {@code eceUpper} NaN
 * @param windowEceBound the window ECE's bound when it is already known for the current window (computed and cached
 *     by an earlier {@code state()} or {@code qualifiedTier()}, an analytic bound, or the undefined bound of an
 *     empty window); null when it would need a bootstrap: this view never runs one
 * @param drift the design's ECE-ratio band of the window against the baseline (no noise floor); null while the
 *     window is empty or has no baseline
 * @param machineState the autonomy state machine's state
 * @param recalibrationRequired true while DRIFTING: a drift alarm waits for a recalibration
 * @param lastUpdate time of the last outcome; null before the first
 * @param windowEceAnalyticInterval the analytic two-sided interval [max(0, ECE − s), ECE + s] of the window ECE at
 *     coverage 2·level − 1 (level = the configuration's upper-bound level); undefined for an empty window
 */
public record EnvironmentEvidence(
    String envId,
    long sampleCount,
    int windowSize,
    boolean learning,
    double windowEce,
    double calibrationScore,
    Scope scope,
    TierQualification tier,
    @Nullable EceBound windowEceBound,
    @Nullable DriftSeverity drift,
    TrackerState machineState,
    boolean recalibrationRequired,
    @Nullable Instant lastUpdate,
    Interval windowEceAnalyticInterval) {

  /** True when {@link #windowEceBound()} is known (so the upper-bound tier in {@link #tier()} is meaningful). */
  public boolean boundKnown() {
    return windowEceBound != null;
  }

  /**
   * The tier to act on in the tier's qualification mode: the point tier in POINT mode; in UPPER_BOUND mode the
   * upper-bound tier, or empty when the bound is not known without a bootstrap.
   */
  public OptionalInt qualifiedTier() {
    if (tier.mode() == QualificationMode.POINT) {
      return OptionalInt.of(tier.point());
    }
    return windowEceBound == null ? OptionalInt.empty() : OptionalInt.of(tier.upper());
  }

  /**
   * The window ECE's interval: the known bound's interval when there is one; otherwise the analytic (Hoeffding and
   * union bound over the bins) two-sided interval {@link #windowEceAnalyticInterval()} — wider, but O(bins) to
   * compute, so every decision can carry one; ends NaN for an empty window.
   */
  public Interval windowEceInterval(double level) {
    if (windowEceBound != null) {
      return windowEceBound.interval();
    }
    return windowEceAnalyticInterval.isDefined() ? windowEceAnalyticInterval : Interval.undefined(2 * level - 1);
  }

  /**
   * The evidence of an environment never seen, matching {@link EnvironmentState#unknown}: the design's score 0.5,
   * 0 samples, learning mode, ESCALATE, tier 0, no drift assessment.
   */
  public static EnvironmentEvidence unknown(String envId, TrackerConfig config) {
    return new EnvironmentEvidence(
        envId,
        0,
        0,
        true,
        Double.NaN,
        AutonomyPolicy.UNKNOWN_ENVIRONMENT_SCORE,
        Scope.ESCALATE,
        new TierQualification(0, 0, Double.NaN, Double.NaN, config.qualificationMode()),
        EceBound.undefined(config.upperBoundLevel(), config.upperBoundMethod()),
        null,
        TrackerState.LEARNING,
        false,
        null,
        Interval.undefined(2 * config.upperBoundLevel() - 1));
  }
}
