package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Weighted isotonic (non-decreasing) regression by pool-adjacent-violators in {@code O(n log n)}: a stable sort by
 * input, ties pooled first (equal inputs become one point with their weighted mean and summed weight, as in
 * scikit-learn), then one linear PAV pass over a stack of blocks. Rows with zero weight are ignored. Fitted values
 * are clipped to the configured range afterwards ({@code [0,1]} by default, for calibration; scikit-learn's
 * {@code y_min}/{@code y_max}), which keeps them non-decreasing.
 *
 * <p>For calibration, fit on probabilities (or any finite scores) and 0/1 labels; for general regression, fit on
 * real-valued targets with {@link #fit(double[], double[], double[])} and usually {@link Builder#unbounded()}.
 */
public final class IsotonicRegression {
  public static final double DEFAULT_Y_MIN = 0.0;
  public static final double DEFAULT_Y_MAX = 1.0;
  public static final IsotonicCalibrator.Interpolation DEFAULT_INTERPOLATION =
      IsotonicCalibrator.Interpolation.LINEAR;

  private static final IsotonicRegression DEFAULTS = builder().build();

  private final double yMin;
  private final double yMax;
  private final IsotonicCalibrator.Interpolation interpolation;

  private IsotonicRegression(Builder b) {
    this.yMin = b.yMin;
    this.yMax = b.yMax;
    this.interpolation = b.interpolation;
  }

  public static IsotonicRegression ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public double yMin() {
    return yMin;
  }

  public double yMax() {
    return yMax;
  }

  public IsotonicCalibrator.Interpolation interpolation() {
    return interpolation;
  }

  /** Calibration fit on finite inputs (probabilities or scores) and 0/1 labels, unit weights. */
  public IsotonicCalibrator fit(double[] x, int[] labels) {
    return fit(x, labels, null);
  }

  /** Calibration fit on finite inputs (probabilities or scores) and 0/1 labels; null weights mean unit weights. */
  public IsotonicCalibrator fit(double[] x, int[] labels, double @Nullable [] weights) {
    TrainingData data = TrainingData.ofScores(x, labels, weights);
    double[] y = new double[data.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = data.y[i];
    }
    return fitChecked(data.x, y, data.w);
  }

  /** Calibration fit on validated probabilities. */
  public IsotonicCalibrator fit(Predictions predictions) {
    TrainingData data = TrainingData.of(predictions);
    double[] y = new double[data.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = data.y[i];
    }
    return fitChecked(data.x, y, data.w);
  }

  /** General regression of finite targets {@code y} on finite inputs {@code x}, unit weights. */
  public IsotonicCalibrator fit(double[] x, double[] y) {
    return fit(x, y, null);
  }

  /** General regression of finite targets {@code y} on finite inputs {@code x}; null weights mean unit weights. */
  public IsotonicCalibrator fit(double[] x, double[] y, double @Nullable [] weights) {
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("Empty input: at least one point is required");
    }
    if (y.length != n) {
      throw new IllegalArgumentException("Mismatched lengths: " + n + " inputs but " + y.length + " targets");
    }
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + n + " inputs but " + weights.length + " weights");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException("Not a finite input: " + x[i] + " at index " + i);
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("Not a finite target: " + y[i] + " at index " + i);
      }
    }
    double[] w = weights == null ? TrainingData.unitWeights(n) : TrainingData.checkWeights(weights);
    return fitChecked(x, y, w);
  }

  private IsotonicCalibrator fitChecked(double[] x, double[] y, double[] w) {
    int[] order = IndexSort.ascending(x);
    int n = x.length;

    // Pool ties: one point per distinct input with the weighted mean target and the summed weight.
    double[] ux = new double[n];
    double[] uwy = new double[n]; // Σ w·y
    double[] uw = new double[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      if (w[i] == 0) {
        continue;
      }
      if (m > 0 && x[i] == ux[m - 1]) {
        uwy[m - 1] += w[i] * y[i];
        uw[m - 1] += w[i];
      } else {
        ux[m] = x[i];
        uwy[m] = w[i] * y[i];
        uw[m] = w[i];
        m++;
      }
    }

    // PAV over a stack of blocks: each block holds Σw·y, Σw and the index of its first point.
    double[] bwy = new double[m];
    double[] bw = new double[m];
    int[] bStart = new int[m];
    int top = -1;
    for (int i = 0; i < m; i++) {
      top++;
      bwy[top] = uwy[i];
      bw[top] = uw[i];
      bStart[top] = i;
      while (top > 0 && bwy[top - 1] / bw[top - 1] > bwy[top] / bw[top]) {
        bwy[top - 1] += bwy[top];
        bw[top - 1] += bw[top];
        top--;
      }
    }

    double[] fitted = new double[m];
    for (int b = 0; b <= top; b++) {
      int end = b < top ? bStart[b + 1] : m;
      double v = Math.min(Math.max(bwy[b] / bw[b], yMin), yMax);
      Arrays.fill(fitted, bStart[b], end, v);
    }
    return compress(Arrays.copyOf(ux, m), fitted);
  }

  /** Drops interior points whose value equals both neighbours' (scikit-learn's threshold pruning). */
  private IsotonicCalibrator compress(double[] xs, double[] ys) {
    int m = xs.length;
    double[] kx = new double[m];
    double[] ky = new double[m];
    int k = 0;
    for (int i = 0; i < m; i++) {
      boolean interior = i > 0 && i < m - 1;
      if (interior && ys[i] == ys[i - 1] && ys[i] == ys[i + 1]) {
        continue;
      }
      kx[k] = xs[i];
      ky[k] = ys[i];
      k++;
    }
    return new IsotonicCalibrator(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k), interpolation);
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private double yMin = DEFAULT_Y_MIN;
    private double yMax = DEFAULT_Y_MAX;
    private IsotonicCalibrator.Interpolation interpolation = DEFAULT_INTERPOLATION;

    private Builder() {}

    /**
     * Range the fitted values are clipped to; either end may be infinite (no clipping on that side). Default
     * {@code [0,1]}.
     */
    public Builder yRange(double yMin, double yMax) {
      if (Double.isNaN(yMin) || yMin == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("yMin must be in [−∞,∞) but was " + yMin);
      }
      if (Double.isNaN(yMax) || yMax == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException("yMax must be in (−∞,∞] but was " + yMax);
      }
      if (!(yMin <= yMax)) {
        throw new IllegalArgumentException("yMax must be ≥ yMin = " + yMin + " but was " + yMax);
      }
      this.yMin = yMin;
      this.yMax = yMax;
      return this;
    }

    /** No clipping of fitted values, for general regression. */
    public Builder unbounded() {
      return yRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public Builder interpolation(IsotonicCalibrator.Interpolation interpolation) {
      this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
      return this;
    }

    public IsotonicRegression build() {
      return new IsotonicRegression(this);
    }
  }
}
