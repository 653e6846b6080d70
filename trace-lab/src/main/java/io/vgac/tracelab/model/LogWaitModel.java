package io.vgac.tracelab.model;

import java.util.List;

/**
 * A fitted ridge regression of {@code log(1 + wait seconds)}:
 * {@code ŷ = intercept + Σ coefficients_j · (x_j − mean_j) / scale_j}, on the risk model's standardisation.
 *
 * @param names the features, in column order
 * @param mean the fit part's mean of each feature
 * @param scale the fit part's standard deviation of each feature (1 for a constant feature)
 * @param intercept the intercept on the standardised scale
 * @param coefficients the coefficients on the standardised scale
 * @param n the observed waits it was fitted on
 */
public record LogWaitModel(
    List<String> names, double[] mean, double[] scale, double intercept, double[] coefficients, int n) {

  public LogWaitModel {
    names = List.copyOf(names);
    if (mean.length != names.size() || scale.length != names.size() || coefficients.length != names.size()) {
      throw new IllegalArgumentException("mean, scale and coefficients must have " + names.size() + " entries");
    }
  }

  /** The coefficients on the features' own scale. */
  public double[] rawCoefficients() {
    double[] c = new double[coefficients.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = coefficients[j] / scale[j];
    }
    return c;
  }

  /** The intercept on the features' own scale (standardisation folded in). */
  public double rawIntercept() {
    double b = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      b -= coefficients[j] * mean[j] / scale[j];
    }
    return b;
  }

  /**
   * ŷ for one row, computed in the folded form the agents' predictor uses (raw intercept, then raw coefficients in
   * column order), so both give the same number.
   */
  public double logWait(double[] x) {
    double[] c = rawCoefficients();
    double z = rawIntercept();
    for (int j = 0; j < c.length; j++) {
      z += c[j] * x[j];
    }
    return z;
  }
}
