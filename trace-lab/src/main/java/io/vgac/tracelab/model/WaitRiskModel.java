package io.vgac.tracelab.model;

import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.QueueFeature;
import io.vgac.calibration.recalibration.PlattCalibrator;
import io.vgac.tracelab.features.FeatureSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in wait-risk model: a {@link LogisticModel} whose log-odds go through a Platt calibrator fitted on the
 * calibration part. Both are affine in the log-odds, so the whole model is one logistic function of the raw
 * features: {@code p = σ(−a·(b₀ + Σ bⱼxⱼ) − b)} with the standardisation folded into {@code b}. That folded form is
 * what {@link #probability} computes, term by term in feature order, and what {@link #toWaitModel} writes — the
 * agents' {@code LogisticWaitPredictor} then computes bit-for-bit the same p.
 *
 * @param features the feature set of the columns
 * @param base the fitted regression
 * @param platt the calibrator fitted on the calibration part's log-odds ({@link PlattCalibrator.Input#SCORE})
 * @param thresholdSeconds the long-wait threshold the labels used
 * @param trainedOn the training trace's name
 */
public record WaitRiskModel(
    FeatureSet features, LogisticModel base, PlattCalibrator platt, double thresholdSeconds, String trainedOn) {

  /** The largest estimated wait the saved model reports: a week. */
  public static final Duration MAX_ESTIMATED_WAIT = Duration.ofDays(7);

  public WaitRiskModel {
    if (platt.input() != PlattCalibrator.Input.SCORE) {
      throw new IllegalArgumentException("platt must work on scores (the log-odds) but works on " + platt.input());
    }
  }

  /** The calibrated intercept on the raw feature scale. */
  public double intercept() {
    return -platt.a() * base.rawIntercept() - platt.b();
  }

  /** The calibrated coefficients on the raw feature scale, in column order. */
  public double[] coefficients() {
    double[] raw = base.rawCoefficients();
    for (int j = 0; j < raw.length; j++) {
      raw[j] = -platt.a() * raw[j];
    }
    return raw;
  }

  /** The uncalibrated probability (the regression alone). */
  public double rawProbability(double[] x) {
    return LogisticModel.sigmoid(base.logit(x));
  }

  /** The calibrated probability of a wait above the threshold. */
  public double probability(double[] x) {
    return probability(intercept(), coefficients(), x);
  }

  /** Calibrated probabilities of many rows (the folded coefficients computed once). */
  public double[] probabilities(double[][] x) {
    double b0 = intercept();
    double[] b = coefficients();
    double[] p = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p[i] = probability(b0, b, x[i]);
    }
    return p;
  }

  private static double probability(double b0, double[] b, double[] x) {
    double z = b0;
    for (int j = 0; j < b.length; j++) {
      z += b[j] * x[j];
    }
    return LogisticModel.sigmoid(z);
  }

  /**
   * The agents' model file contents.
   *
   * @throws IllegalArgumentException when a feature is not a {@link QueueFeature} (the rich set)
   */
  public LogisticWaitModel toWaitModel(String modelVersion) {
    if (!features.agentsCompatible()) {
      throw new IllegalArgumentException("feature set '" + features.name() + "' has features the agents' predictor"
          + " cannot compute; train on the 'agents' or 'basic' set to save a model for it");
    }
    double[] c = coefficients();
    Map<QueueFeature, Double> weights = new EnumMap<>(QueueFeature.class);
    List<FeatureSet.Feature> fs = features.features();
    for (int j = 0; j < c.length; j++) {
      weights.put(fs.get(j).queueFeature().orElseThrow(), c[j]);
    }
    Duration threshold = Duration.ofNanos(Math.round(thresholdSeconds * 1e9));
    return new LogisticWaitModel(modelVersion, intercept(), weights, threshold,
        MAX_ESTIMATED_WAIT.compareTo(threshold) >= 0 ? MAX_ESTIMATED_WAIT : threshold);
  }
}
