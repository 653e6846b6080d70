package io.vgac.calibration.tracker;

/**
 * The ECE a <em>perfectly calibrated</em> model would show on a window with these scores: what small-sample noise
 * alone produces. An observed ECE at or below {@link #quantile95()} is not evidence of miscalibration.
 *
 * @param mean mean ECE over the consistency resamples; NaN for an empty window
 * @param quantile95 95% quantile of the resampled ECEs (linear interpolation); NaN for an empty window
 * @param analytic the closed-form approximation {@code Σ_b (n_b/N)·sqrt(2·p̄_b(1−p̄_b)/(π·n_b))}
 * @param n rows in the window
 * @param resamples consistency resamples drawn
 * @param seed the resampling seed
 */
public record EceNoiseFloor(double mean, double quantile95, double analytic, int n, int resamples, long seed) {

  /** The noise floor of an empty window: everything NaN. */
  public static EceNoiseFloor undefined(int resamples, long seed) {
    return new EceNoiseFloor(Double.NaN, Double.NaN, Double.NaN, 0, resamples, seed);
  }
}
