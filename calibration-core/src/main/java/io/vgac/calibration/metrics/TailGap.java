package io.vgac.calibration.metrics;

/**
 * Calibration in the upper tail: |mean y − mean p| over the rows with p ≥ τ.
 *
 * @param tau the threshold τ
 * @param n rows with p ≥ τ
 * @param gap the gap; NaN ("skipped") when fewer than the minimum rows (default 5) reach τ
 */
public record TailGap(double tau, long n, double gap) {
  public boolean isDefined() {
    return !Double.isNaN(gap);
  }
}
