package io.vgac.calibration.tracker;

import io.vgac.calibration.Interval;

/**
 * An ECE point estimate with a one-sided upper confidence bound.
 *
 * @param ece the ECE of the rows (uniform bins); NaN when there were no rows
 * @param upper the upper bound at {@code level}: ECE ≤ upper with confidence {@code level} (one-sided); NaN when
 *     there were no rows
 * @param interval for {@link UpperBoundMethod#BOOTSTRAP}, the two-sided percentile interval at {@code 2·level − 1}
 *     whose upper end is {@code upper} (95% one-sided = upper end of the 90% two-sided interval); for
 *     {@link UpperBoundMethod#ANALYTIC}, {@code [ece, upper]}
 * @param level one-sided confidence of {@code upper}
 * @param method how {@code upper} was computed
 * @param n number of rows
 */
public record EceBound(double ece, double upper, Interval interval, double level, UpperBoundMethod method, int n) {

  /** The bound of an empty window: everything NaN. */
  public static EceBound undefined(double level, UpperBoundMethod method) {
    return new EceBound(Double.NaN, Double.NaN, Interval.undefined(2 * level - 1), level, method, 0);
  }

  public boolean isDefined() {
    return n > 0;
  }
}
