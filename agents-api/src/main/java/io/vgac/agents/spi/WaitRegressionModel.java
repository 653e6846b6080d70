package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The optional wait part of a {@link LogisticWaitModel}: a linear regression of {@code log(1 + wait seconds)} on the
 * {@link QueueFeature}s and the split-conformal radius of its absolute log-residuals. The point estimate
 * {@code expm1(ŷ)} is the median wait when the log-residuals are symmetric; {@code [expm1(ŷ − r), expm1(ŷ + r)]}
 * (clipped at 0) is the static interval at {@code intervalCoverage} — static because an environment's online
 * controller (the workflow's {@code IntervalController}) replaces the radius once its own waits arrive.
 *
 * <p>JSON form (member {@code wait_regression} of the model file; older files without it still load):
 * <pre>{@code
 * "wait_regression": {"intercept": 3.1, "coefficients": {"pending_ratio": 1.2}, "interval_radius": 2.4,
 *                     "interval_coverage": 0.8}
 * }</pre>
 *
 * @param intercept finite
 * @param coefficients finite weights by feature (absent = 0)
 * @param intervalRadius the conformal radius in log(1 + seconds): finite and ≥ 0
 * @param intervalCoverage the nominal coverage of that radius, in (0,1)
 */
public record WaitRegressionModel(
    double intercept, Map<QueueFeature, Double> coefficients, double intervalRadius, double intervalCoverage) {

  public WaitRegressionModel {
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("wait_regression.intercept must be a finite number but was " + intercept);
    }
    EnumMap<QueueFeature, Double> copy = new EnumMap<>(QueueFeature.class);
    for (Map.Entry<QueueFeature, Double> e : coefficients.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        throw new IllegalArgumentException("wait_regression.coefficients." + e.getKey().wireName()
            + " must be a finite number but was " + e.getValue());
      }
      copy.put(e.getKey(), e.getValue());
    }
    coefficients = Collections.unmodifiableMap(copy);
    if (!(intervalRadius >= 0) || !Double.isFinite(intervalRadius)) {
      throw new IllegalArgumentException("wait_regression.interval_radius must be a finite number ≥ 0 but was "
          + intervalRadius);
    }
    if (!(intervalCoverage > 0 && intervalCoverage < 1)) {
      throw new IllegalArgumentException("wait_regression.interval_coverage must be in (0,1) but was "
          + intervalCoverage);
    }
  }

  /** The weight of {@code feature}; 0 when the model has none. */
  public double coefficient(QueueFeature feature) {
    return coefficients.getOrDefault(feature, 0.0);
  }

  /** ŷ, the predicted {@code log(1 + wait seconds)}, summed in {@link QueueFeature} order. */
  public double logWait(Job job, ClusterState state) {
    double z = intercept;
    for (Map.Entry<QueueFeature, Double> e : coefficients.entrySet()) {
      z += e.getValue() * e.getKey().value(job, state);
    }
    return z;
  }
}
