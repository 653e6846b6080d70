package io.vgac.calibration.drift;

/**
 * Outcome of {@link EceRatioRule#assess(double, double)}.
 *
 * @param severity the band of {@code ratio}
 * @param ratio {@code currentEce / baselineEce}
 * @param currentEce the ECE that was assessed
 * @param baselineEce the baseline actually used (the rule's default when the given one was ≤ 0)
 * @param message the design's message, e.g. "ECE increased 3.3× from baseline — reducing autonomous actions"
 * @param recalibrationRequired true above the recalibration edge (2.0 by default): the design's prose schedules a
 *     recalibration as soon as drift exceeds 2× baseline, not only in the CRITICAL band
 * @param reduceAutonomy true above the same edge: fewer autonomous actions until recalibrated
 */
public record DriftAssessment(
    DriftSeverity severity,
    double ratio,
    double currentEce,
    double baselineEce,
    String message,
    boolean recalibrationRequired,
    boolean reduceAutonomy) {

  /** The design's action for {@link #severity()}. */
  public DriftAction action() {
    return severity.action();
  }

  /** True in the CRITICAL band: every action must be escalated to a human until the model is recalibrated. */
  public boolean escalateOnly() {
    return severity == DriftSeverity.CRITICAL;
  }
}
