package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import org.jspecify.annotations.Nullable;

/**
 * Fits beta calibration (Kull, Silva Filho &amp; Flach 2017) as the reference {@code betacal} package does: a
 * logistic regression of the labels on the features {@code ln p} and {@code −ln(1 − p)} ({@code p} clipped to
 * {@code [1e-12, 1 − 1e-12]}); if the coefficient {@code a} of {@code ln p} is negative, that feature is dropped
 * ({@code a = 0}) and the regression refitted, else if {@code b} is negative likewise for {@code −ln(1 − p)}. Going one
 * step beyond {@code betacal}, a remaining single coefficient that is still negative is also set to zero (an
 * intercept-only fit), so the result is always non-decreasing.
 *
 * <p>The regression is unregularised in spirit; a tiny L2 penalty ({@link #DEFAULT_L2}, on {@code a} and {@code b}
 * only) keeps separable data finite, like {@code betacal}'s {@code LogisticRegression(C=99999999999)}.
 */
public final class BetaCalibration {
  /** L2 penalty on {@code (a, b)}: {@code 1/C} for {@code betacal}'s {@code C = 1e11}, rounded up. */
  public static final double DEFAULT_L2 = 1e-10;

  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /** Newton stops when every gradient component is below this times the total weight. */
  public static final double DEFAULT_TOLERANCE = 1e-10;

  private static final BetaCalibration DEFAULTS = builder().build();

  private final double l2;
  private final int maxIterations;
  private final double tolerance;

  private BetaCalibration(Builder b) {
    this.l2 = b.l2;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
  }

  public static BetaCalibration ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public double l2() {
    return l2;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public double tolerance() {
    return tolerance;
  }

  public BetaCalibrator fit(double[] p, int[] labels) {
    return fit(p, labels, null);
  }

  /** Fits on probabilities and 0/1 labels; null weights mean unit weights. */
  public BetaCalibrator fit(double[] p, int[] labels, double @Nullable [] weights) {
    return fit(TrainingData.ofProbabilities(p, labels, weights));
  }

  public BetaCalibrator fit(Predictions predictions) {
    return fit(TrainingData.of(predictions));
  }

  private BetaCalibrator fit(TrainingData data) {
    int n = data.size();
    double[] lnP = new double[n];
    double[] minusLn1mP = new double[n];
    for (int i = 0; i < n; i++) {
      double q = LogOdds.clip(data.x[i]);
      lnP[i] = Math.log(q);
      minusLn1mP[i] = -Math.log1p(-q);
    }
    double[] both = regress(data, lnP, minusLn1mP);
    double a = both[0];
    double b = both[1];
    double c = both[2];
    if (a < 0) {
      double[] only = regress(data, minusLn1mP);
      a = 0;
      b = only[0];
      c = only[1];
    } else if (b < 0) {
      double[] only = regress(data, lnP);
      a = only[0];
      b = 0;
      c = only[1];
    }
    if (a < 0 || b < 0) {
      a = 0;
      b = 0;
      c = regress(data)[0];
    }
    return new BetaCalibrator(a, b, c);
  }

  private double[] regress(TrainingData data, double[]... features) {
    return LogisticFit.fit(features, data.y, data.w, l2, maxIterations, tolerance);
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private double l2 = DEFAULT_L2;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private double tolerance = DEFAULT_TOLERANCE;

    private Builder() {}

    /** L2 penalty on {@code (a, b)}; 0 disables it (separable data then stops at {@code maxIterations}). */
    public Builder l2(double l2) {
      if (!(l2 >= 0) || Double.isInfinite(l2)) {
        throw new IllegalArgumentException("l2 must be in [0,∞) but was " + l2);
      }
      this.l2 = l2;
      return this;
    }

    public Builder maxIterations(int maxIterations) {
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be ≥ 1 but was " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    public Builder tolerance(double tolerance) {
      if (!(tolerance > 0 && tolerance < 1)) {
        throw new IllegalArgumentException("tolerance must be in (0,1) but was " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    public BetaCalibration build() {
      return new BetaCalibration(this);
    }
  }
}
