package io.vgac.calibration.conformal;

import io.vgac.calibration.Interval;

/** Turns a radius in {@code log(1 + wait)} into an interval of waits in seconds. */
public final class WaitIntervals {
  private WaitIntervals() {}

  /**
   * {@code [expm1(max(0, log1p(point) − r)), expm1(log1p(point) + r)]} at nominal {@code coverage}: the waits whose
   * absolute log-residual from {@code pointSeconds} is at most {@code r}, clipped at 0. A radius of {@code +∞} gives
   * {@code [0, +∞]}; a radius below 0 (the empty set of adaptive conformal at {@code α ≥ 1}) is shown as the point
   * itself.
   *
   * @throws IllegalArgumentException when the point is not a finite wait ≥ 0, the radius is NaN or the coverage is
   *     not in (0,1)
   */
  public static Interval around(double pointSeconds, double radius, double coverage) {
    SplitConformal.checkWait("pointSeconds", pointSeconds);
    if (Double.isNaN(radius)) {
      throw new IllegalArgumentException("radius must be a number but was NaN");
    }
    SplitConformal.checkMissRate("coverage", coverage);
    double r = Math.max(0, radius);
    double centre = Math.log1p(pointSeconds);
    double lo = Math.expm1(Math.max(0, centre - r));
    double hi = r == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Math.expm1(centre + r);
    return new Interval(Math.min(lo, pointSeconds), Math.max(hi, pointSeconds), coverage);
  }
}
