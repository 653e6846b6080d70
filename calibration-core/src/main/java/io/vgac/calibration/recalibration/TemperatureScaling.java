package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.jspecify.annotations.Nullable;

/**
 * Fits temperature scaling (Guo et al. 2017): the {@code T} in {@code [minTemperature, maxTemperature]} (default
 * {@code [0.05, 20]}) minimising the weighted log loss of {@code σ(logit(p)/T)}.
 *
 * <p>The loss is convex in the inverse temperature {@code β = 1/T} (a one-feature logistic regression without
 * intercept), so it is unimodal on the interval and Commons Math's {@link BrentOptimizer} over {@code β} finds the
 * minimum, or the nearer end of the interval when the minimum lies outside it (e.g. {@code T = maxTemperature} for
 * labels unrelated or opposed to the probabilities). When every probability is 0.5 the loss does not depend on
 * {@code T} and {@code T = 1} is returned.
 */
public final class TemperatureScaling {
  public static final double DEFAULT_MIN_TEMPERATURE = 0.05;
  public static final double DEFAULT_MAX_TEMPERATURE = 20.0;

  private static final TemperatureScaling DEFAULTS = builder().build();

  private final double minTemperature;
  private final double maxTemperature;

  private TemperatureScaling(Builder b) {
    this.minTemperature = b.minTemperature;
    this.maxTemperature = b.maxTemperature;
  }

  public static TemperatureScaling ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public double minTemperature() {
    return minTemperature;
  }

  public double maxTemperature() {
    return maxTemperature;
  }

  public TemperatureCalibrator fit(double[] p, int[] labels) {
    return fit(p, labels, null);
  }

  /** Fits on probabilities and 0/1 labels; null weights mean unit weights. */
  public TemperatureCalibrator fit(double[] p, int[] labels, double @Nullable [] weights) {
    return fit(TrainingData.ofProbabilities(p, labels, weights));
  }

  public TemperatureCalibrator fit(Predictions predictions) {
    return fit(TrainingData.of(predictions));
  }

  private TemperatureCalibrator fit(TrainingData data) {
    int n = data.size();
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = LogOdds.logit(data.x[i]);
    }
    byte[] y = data.y;
    double[] w = data.w;
    boolean informative = false;
    for (int i = 0; i < n && !informative; i++) {
      informative = z[i] != 0 && w[i] > 0;
    }
    if (!informative) {
      return new TemperatureCalibrator(1.0); // every p is 0.5: T has no effect, so keep the identity
    }
    // Σ w·[ln(1 + e^{βz}) − y·βz], the weighted log loss as a function of β = 1/T.
    UnivariateObjectiveFunction loss =
        new UnivariateObjectiveFunction(
            beta -> {
              double sum = 0;
              for (int i = 0; i < n; i++) {
                double s = beta * z[i];
                sum += w[i] * (LogOdds.softplus(s) - y[i] * s);
              }
              return sum;
            });
    double lo = 1.0 / maxTemperature;
    double hi = 1.0 / minTemperature;
    BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
    UnivariatePointValuePair best =
        brent.optimize(
            new MaxEval(10_000),
            loss,
            GoalType.MINIMIZE,
            new SearchInterval(lo, hi, Math.min(Math.max(1.0, lo), hi)));
    // Brent never evaluates the ends; prefer an end when it is at least as good (minimum outside the interval).
    double beta = best.getPoint();
    double value = best.getValue();
    for (double end : new double[] {lo, hi}) {
      double v = loss.getObjectiveFunction().value(end);
      if (v < value) {
        beta = end;
        value = v;
      }
    }
    double t = Math.min(Math.max(1.0 / beta, minTemperature), maxTemperature);
    return new TemperatureCalibrator(t);
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private double minTemperature = DEFAULT_MIN_TEMPERATURE;
    private double maxTemperature = DEFAULT_MAX_TEMPERATURE;

    private Builder() {}

    /** Interval searched for {@code T}; {@code 0 < min < max < ∞}. */
    public Builder temperatureRange(double min, double max) {
      if (!(min > 0) || Double.isInfinite(min)) {
        throw new IllegalArgumentException("minTemperature must be in (0,∞) but was " + min);
      }
      if (!(max > min) || Double.isInfinite(max)) {
        throw new IllegalArgumentException("maxTemperature must be in (" + min + ",∞) but was " + max);
      }
      this.minTemperature = min;
      this.maxTemperature = max;
      return this;
    }

    public TemperatureScaling build() {
      return new TemperatureScaling(this);
    }
  }
}
