package io.vgac.tracelab.model;

import java.util.List;

/**
 * A fitted logistic regression: {@code logit = intercept + Σ coefficients_j · (x_j − mean_j) / scale_j}.
 *
 * @param names the features, in column order
 * @param mean the fit part's mean of each feature
 * @param scale the fit part's standard deviation of each feature (1 for a constant feature)
 * @param intercept the intercept on the standardised scale
 * @param coefficients the coefficients on the standardised scale
 * @param iterations Newton steps taken
 * @param converged whether the step fell below the tolerance
 */
public record LogisticModel(
    List<String> names,
    double[] mean,
    double[] scale,
    double intercept,
    double[] coefficients,
    int iterations,
    boolean converged) {

  public LogisticModel {
    names = List.copyOf(names);
    if (mean.length != names.size() || scale.length != names.size() || coefficients.length != names.size()) {
      throw new IllegalArgumentException("mean, scale and coefficients must have " + names.size() + " entries");
    }
  }

  /** The log-odds for one feature vector. */
  public double logit(double[] x) {
    double z = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      z += coefficients[j] * (x[j] - mean[j]) / scale[j];
    }
    return z;
  }

  /** The intercept on the features' own scale (standardisation folded in). */
  public double rawIntercept() {
    double b = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      b -= coefficients[j] * mean[j] / scale[j];
    }
    return b;
  }

  /** The coefficients on the features' own scale. */
  public double[] rawCoefficients() {
    double[] c = new double[coefficients.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = coefficients[j] / scale[j];
    }
    return c;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
