package io.vgac.calibration.recalibration;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fitted isotonic (non-decreasing) map, stored as its knots: strictly increasing inputs {@code x} and
 * non-decreasing fitted values {@code y}. Only the first and last input of each constant run is kept (as
 * scikit-learn's {@code X_thresholds_}), which changes neither interpolation.
 *
 * <p>Between knots the map is either a step ({@link Interpolation#STEP}) or linear ({@link Interpolation#LINEAR});
 * outside {@code [x₀, x_last]} it is the nearest end value (scikit-learn's {@code out_of_bounds='clip'}).
 *
 * @param x knot inputs, finite and strictly increasing (copied)
 * @param y fitted values at the knots, finite and non-decreasing (copied)
 * @param interpolation how values between knots are obtained
 */
public record IsotonicCalibrator(double[] x, double[] y, Interpolation interpolation) implements Calibrator {

  /** How the map is evaluated between two knots {@code xᵢ < v < xᵢ₊₁}. */
  public enum Interpolation {
    /**
     * Left-continuous step: the value of the first knot at or above {@code v}, i.e. {@code yᵢ₊₁}; the map is
     * constant on each {@code (xᵢ, xᵢ₊₁]}.
     */
    STEP,
    /** Straight line between {@code (xᵢ, yᵢ)} and {@code (xᵢ₊₁, yᵢ₊₁)} (scikit-learn's and Spark's prediction). */
    LINEAR
  }

  public IsotonicCalibrator {
    Objects.requireNonNull(interpolation, "interpolation");
    x = x.clone();
    y = y.clone();
    if (x.length == 0) {
      throw new IllegalArgumentException("x must hold at least one knot");
    }
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + x.length + " knot inputs but " + y.length + " values");
    }
    for (int i = 0; i < x.length; i++) {
      x[i] += 0.0; // −0.0 → 0.0, so binary search and comparisons agree
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("Not a finite knot input: " + x[i] + " at index " + i);
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("Not a finite knot value: " + y[i] + " at index " + i);
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException(
            "Knot inputs must be strictly increasing: " + x[i] + " at index " + i + " after " + x[i - 1]);
      }
      if (i > 0 && !(y[i] >= y[i - 1])) {
        throw new IllegalArgumentException(
            "Knot values must be non-decreasing: " + y[i] + " at index " + i + " after " + y[i - 1]);
      }
    }
  }

  /** A copy of the knot inputs. */
  @Override
  public double[] x() {
    return x.clone();
  }

  /** A copy of the knot values. */
  @Override
  public double[] y() {
    return y.clone();
  }

  /** Number of knots. */
  public int knots() {
    return x.length;
  }

  /**
   * The fitted value at {@code v}; any non-NaN input is accepted (values outside the knots are clipped), so the map
   * also serves as a general isotonic regression.
   */
  @Override
  public double calibrate(double v) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("Not a value: " + v);
    }
    v += 0.0; // −0.0 → 0.0, as for the knots
    int last = x.length - 1;
    if (v <= x[0]) {
      return y[0];
    }
    if (v >= x[last]) {
      return y[last];
    }
    int found = Arrays.binarySearch(x, v);
    if (found >= 0) {
      return y[found];
    }
    int hi = -found - 1; // x[hi − 1] < v < x[hi]
    if (interpolation == Interpolation.STEP) {
      return y[hi];
    }
    double x0 = x[hi - 1];
    double y0 = y[hi - 1];
    double y1 = y[hi];
    double v1 = y0 + (y1 - y0) * ((v - x0) / (x[hi] - x0));
    return Math.min(Math.max(v1, y0), y1); // guards against rounding past the segment's ends
  }

  @Override
  public String method() {
    return CalibrationMethod.ISOTONIC.id();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IsotonicCalibrator other
        && Arrays.equals(x, other.x)
        && Arrays.equals(y, other.y)
        && interpolation == other.interpolation;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(x) + Arrays.hashCode(y)) + interpolation.hashCode();
  }

  @Override
  public String toString() {
    return "IsotonicCalibrator[x=" + Arrays.toString(x) + ", y=" + Arrays.toString(y)
        + ", interpolation=" + interpolation + "]";
  }
}
