package io.vgac.calibration.tracker;

import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftDirection;
import io.vgac.calibration.drift.PsiBand;
import io.vgac.calibration.drift.PsiResult;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of one environment's calibration, detectors and autonomy, as of one moment.
 *
 * @param envId the environment
 * @param sampleCount outcomes recorded over the environment's life
 * @param windowSize outcomes currently in the sliding window
 * @param learning learning mode: sampleCount below the policy's minimum (50)
 * @param windowEce ECE of the window (uniform bins); NaN when the window is empty
 * @param windowEceBound the window ECE's upper bound and interval (bootstrap or analytic, as configured)
 * @param cumulativeEce ECE of every outcome ever recorded; NaN before the first
 * @param baselineEce the baseline of the ratio rule; NaN while waiting for the first full window
 * @param calibrationScore clamp(1 − 5·windowEce, 0, 1); NaN when the window is empty
 * @param scope what an agent may do here now: the policy's scope, capped by the machine state
 * @param policyScope the policy's scope from the score alone (the window must hold ≥ minSamples rows)
 * @param tier qualified tier from the point estimate and from the upper bound
 * @param drift the ratio assessment with its noise floor; null while the window is empty or has no baseline
 * @param windowDirection descriptive direction of the window's miscalibration (over/under when most bins err
 *     the same way, else spread; unknown when empty)
 * @param eDetector the calibration e-detector
 * @param adwin ADWIN on y − p
 * @param pageHinkley Page-Hinkley on |y − p|
 * @param psi PSI of the window's scores against the reference (INSUFFICIENT_DATA when none is set)
 * @param machineState the autonomy state machine's state
 * @param recalibrationRequired true while DRIFTING: a drift alarm waits for a recalibration
 * @param freshLabels outcomes since the last recalibration (all outcomes when none was recorded)
 * @param recoveryEceUpper the last ECE upper bound over the fresh labels checked while recovering; NaN if none
 * @param calibratorMethod the active calibrator's method ("none" before the first recalibration)
 * @param calibratorVersion the active calibrator's version (0 before the first recalibration)
 * @param ratioExcursions times the window ratio went above the recalibration edge
 * @param transitions the most recent state transitions, oldest first
 * @param lastUpdate time of the last outcome; null before the first
 */
public record EnvironmentState(
    String envId,
    long sampleCount,
    int windowSize,
    boolean learning,
    double windowEce,
    EceBound windowEceBound,
    double cumulativeEce,
    double baselineEce,
    double calibrationScore,
    Scope scope,
    Scope policyScope,
    TierQualification tier,
    @Nullable DriftCheck drift,
    DriftDirection windowDirection,
    EDetectorReading eDetector,
    AdwinReading adwin,
    PageHinkleyReading pageHinkley,
    PsiResult psi,
    TrackerState machineState,
    boolean recalibrationRequired,
    long freshLabels,
    double recoveryEceUpper,
    String calibratorMethod,
    long calibratorVersion,
    long ratioExcursions,
    List<StateTransition> transitions,
    @Nullable Instant lastUpdate) {

  /** The method name before any recalibration is recorded. */
  public static final String NO_CALIBRATOR = "none";

  public EnvironmentState {
    transitions = List.copyOf(transitions);
  }

  /** The window ECE's interval (see {@link EceBound#interval()}). */
  public Interval windowEceInterval() {
    return windowEceBound.interval();
  }

  /**
   * The state of an environment never seen: the design's score 0.5, 0 samples, learning mode, ESCALATE, tier 0,
   * no detector evidence.
   */
  public static EnvironmentState unknown(String envId, TrackerConfig config) {
    double level = config.upperBoundLevel();
    return new EnvironmentState(
        envId,
        0,
        0,
        true,
        Double.NaN,
        EceBound.undefined(level, config.upperBoundMethod()),
        Double.NaN,
        config.baselineFromFirstWindow() ? Double.NaN : config.baselineEce(),
        AutonomyPolicy.UNKNOWN_ENVIRONMENT_SCORE,
        Scope.ESCALATE,
        Scope.ESCALATE,
        new TierQualification(0, 0, Double.NaN, Double.NaN, config.qualificationMode()),
        null,
        DriftDirection.UNKNOWN,
        new EDetectorReading(0, 1 / config.alpha(), 0, null, DriftDirection.UNKNOWN),
        new AdwinReading(0, Double.NaN, 0),
        new PageHinkleyReading(0, Double.NaN, 0),
        new PsiResult(Double.NaN, PsiBand.INSUFFICIENT_DATA, 0, 0),
        TrackerState.LEARNING,
        false,
        0,
        Double.NaN,
        NO_CALIBRATOR,
        0,
        0,
        List.of(),
        null);
  }
}
