package io.vgac.tracelab.model;

import io.vgac.agents.spi.QueueFeature;
import io.vgac.agents.spi.WaitRegressionModel;
import io.vgac.calibration.Interval;
import io.vgac.calibration.conformal.ConformalCalibration;
import io.vgac.calibration.conformal.SplitConformal;
import io.vgac.tracelab.features.FeatureSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The wait part of the built-in model: a {@link LogWaitModel} whose point estimate {@code expm1(ŷ)} (clipped to
 * {@code [0, maxSeconds]}, as the agents' predictor clips it) is the median wait under symmetric log-residuals, and the
 * static split-conformal calibration of its absolute log-residuals on the calibration part.
 *
 * @param features the feature set of the columns
 * @param regression the fitted regression
 * @param calibration the split-conformal radius at the nominal coverage
 * @param calibrationResiduals the calibration part's signed log-residuals {@code log1p(wait) − log1p(point)} in
 *     submit order (their absolute values are the split-conformal scores; they seed an online controller)
 * @param maxSeconds the largest point estimate
 */
public record WaitIntervalModel(
    FeatureSet features,
    LogWaitModel regression,
    ConformalCalibration calibration,
    double[] calibrationResiduals,
    double maxSeconds) {

  public WaitIntervalModel {
    calibrationResiduals = calibrationResiduals.clone();
  }

  @Override
  public double[] calibrationResiduals() {
    return calibrationResiduals.clone();
  }

  /** The point estimate of the wait in seconds for one row. */
  public double pointSeconds(double[] x) {
    double s = Math.expm1(regression.logWait(x));
    return s > 0 ? Math.min(s, maxSeconds) : 0;
  }

  /** The static interval for one row. */
  public Interval interval(double[] x) {
    return calibration.interval(pointSeconds(x));
  }

  /** The signed log-residual of one row whose wait was {@code actualSeconds}. */
  public double residual(double[] x, double actualSeconds) {
    SplitConformal.absoluteLogResidual(0, actualSeconds); // validates the wait
    return Math.log1p(actualSeconds) - Math.log1p(pointSeconds(x));
  }

  /**
   * The agents' form ({@code wait_regression} of the model file).
   *
   * @throws IllegalArgumentException when a feature is not a {@link QueueFeature} or the radius is infinite (too
   *     few calibration waits for the coverage)
   */
  public WaitRegressionModel toWaitRegressionModel() {
    if (!features.agentsCompatible()) {
      throw new IllegalArgumentException("feature set '" + features.name() + "' has features the agents' predictor"
          + " cannot compute; train on the 'agents' or 'basic' set to save a model for it");
    }
    double[] c = regression.rawCoefficients();
    Map<QueueFeature, Double> weights = new EnumMap<>(QueueFeature.class);
    List<FeatureSet.Feature> fs = features.features();
    for (int j = 0; j < c.length; j++) {
      weights.put(fs.get(j).queueFeature().orElseThrow(), c[j]);
    }
    return new WaitRegressionModel(regression.rawIntercept(), weights, calibration.radius(), calibration.coverage());
  }
}
