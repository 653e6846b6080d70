package io.vgac.calibration.conformal;

import io.vgac.calibration.Interval;

/**
 * A calibrated radius in {@code log(1 + wait)}: intervals of nominal coverage {@code 1 − alpha} around point
 * predictions of waits.
 *
 * @param radius the conformal quantile of the absolute log-residuals: finite and ≥ 0, or {@code +∞} when there were
 *     too few calibration scores to guarantee the coverage
 * @param alpha the nominal miss rate, in (0,1)
 * @param n the number of calibration scores
 */
public record ConformalCalibration(double radius, double alpha, int n) {

  public ConformalCalibration {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("radius must be ≥ 0 or +∞ but was " + radius);
    }
    SplitConformal.checkMissRate("alpha", alpha);
    if (n < 0) {
      throw new IllegalArgumentException("n must be ≥ 0 but was " + n);
    }
  }

  /** The nominal coverage {@code 1 − alpha}. */
  public double coverage() {
    return 1 - alpha;
  }

  /** Whether the radius is finite (enough calibration scores). */
  public boolean isBounded() {
    return radius < Double.POSITIVE_INFINITY;
  }

  /** The interval in seconds around a point prediction of the wait (see {@link WaitIntervals#around}). */
  public Interval interval(double pointSeconds) {
    return WaitIntervals.around(pointSeconds, radius, coverage());
  }
}
