package io.vgac.calibration;

/**
 * A closed interval {@code [lo, hi]} with its nominal coverage. Both ends are NaN when the quantity is undefined
 * (for example AUROC on a sample with one class).
 */
public record Interval(double lo, double hi, double level) {
  public static Interval undefined(double level) {
    return new Interval(Double.NaN, Double.NaN, level);
  }

  public boolean isDefined() {
    return !Double.isNaN(lo) && !Double.isNaN(hi);
  }

  public boolean contains(double x) {
    return x >= lo && x <= hi;
  }

  public double width() {
    return hi - lo;
  }
}
