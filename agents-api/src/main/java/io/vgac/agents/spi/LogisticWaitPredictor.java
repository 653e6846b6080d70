package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.Interval;
import io.vgac.calibration.conformal.WaitIntervals;
import java.time.Duration;

/**
 * The embedded {@link WaitTimePredictor}: a logistic model over {@link QueueFeature}s whose coefficients come from
 * JSON ({@link LogisticWaitModel}). The bundled default was trained by trace-lab on the public KTH-SP2 trace (an
 * IBM SP2 batch queue, 1996–97; see the file's {@code metadata}): a starting point that the calibration tracker
 * measures on each new cluster, not a model of yours. Train one on your own scheduler's history
 * ({@code ./vgac train}) and use {@code new LogisticWaitPredictor(LogisticWaitModel.load(path))}.
 *
 * <p><b>Probability.</b> {@code p = σ(intercept + Σ β_f · x_f)}, the model's probability that the job waits longer
 * than the model's threshold (600 s in the default). This is the number the tiers and the gate use.
 *
 * <p><b>Estimated wait with a wait regression.</b> When the model file has a {@link WaitRegressionModel} (trace-lab
 * writes one), the estimated wait is {@code expm1(ŷ)} of that regression of {@code log(1 + wait)} — the median under
 * symmetric log-residuals — capped at the maximum estimated wait, and the prediction carries the static conformal
 * interval {@code [expm1(ŷ − r), expm1(ŷ + r)]} at the file's coverage (uncapped: capping would break the coverage).
 *
 * <p><b>Estimated wait without one (a rough, documented mapping, not a second model).</b> If waits were exponentially
 * distributed, {@code P(W > T) = p} would fix the distribution, and its median is {@code T · ln 2 / ln(1/p)}:
 * {@code p = 0.5} gives T, smaller p shorter, larger p longer. It is 0 for {@code p = 0} and is capped at the
 * model's maximum estimated wait. Real waits are heavier-tailed than exponential, so read it as an order of
 * magnitude that agrees with {@code p}, not as a calibrated estimate.
 *
 * <p><b>Confidence.</b> {@code max(p, 1 − p)}: the model's probability of its more likely answer (not a calibration
 * measure; the gate never uses it). Thread-safe (immutable).
 */
public final class LogisticWaitPredictor implements WaitTimePredictor {
  private static final double LN2 = Math.log(2);

  private final LogisticWaitModel model;
  private final QueueFeature[] features;
  private final double[] weights;

  public LogisticWaitPredictor(LogisticWaitModel model) {
    this.model = model;
    this.features = model.coefficients().keySet().toArray(QueueFeature[]::new);
    this.weights = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      weights[i] = model.coefficient(features[i]);
    }
  }

  /** The predictor with the bundled default coefficients (trained on KTH-SP2). */
  public static LogisticWaitPredictor ofDefaults() {
    return new LogisticWaitPredictor(LogisticWaitModel.defaultModel());
  }

  public LogisticWaitModel model() {
    return model;
  }

  /** The probability of a wait longer than the model's threshold. */
  public double probability(Job job, ClusterState state) {
    double z = model.intercept();
    for (int i = 0; i < features.length; i++) {
      z += weights[i] * features[i].value(job, state);
    }
    // split by sign so that exp never overflows
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** The mapping of the class comment: the median wait of an exponential distribution with P(W > T) = p. */
  public Duration estimatedWait(double p) {
    Duration max = model.maxEstimatedWait();
    if (p <= 0) {
      return Duration.ZERO;
    }
    if (p >= 1) {
      return max;
    }
    double seconds = model.longWaitThreshold().toNanos() / 1e9 * LN2 / -Math.log(p);
    if (!(seconds < max.toNanos() / 1e9)) {
      return max;
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  @Override
  public WaitPrediction predict(Job job, ClusterState state) {
    if (!job.clusterId().equals(state.clusterId())) {
      throw new IllegalArgumentException("state.clusterId must be the job's '" + job.clusterId() + "' but was '"
          + state.clusterId() + "'");
    }
    double p = probability(job, state);
    WaitRegressionModel r = model.waitRegression();
    if (r == null) {
      return new WaitPrediction(job.jobId(), p, estimatedWait(p), Math.max(p, 1 - p), model.modelVersion());
    }
    double point = pointSeconds(r.logWait(job, state));
    Interval i = WaitIntervals.around(point, r.intervalRadius(), r.intervalCoverage());
    WaitInterval interval = Double.isFinite(i.hi()) ? new WaitInterval(i.lo(), i.hi(), i.level()) : null;
    return new WaitPrediction(job.jobId(), p, Duration.ofNanos(Math.round(point * 1e9)), Math.max(p, 1 - p),
        model.modelVersion(), interval);
  }

  /** {@code expm1(logWait)} clipped to [0, the maximum estimated wait]: the regression's point estimate. */
  public double pointSeconds(double logWait) {
    double max = model.maxEstimatedWait().toNanos() / 1e9;
    double s = Math.expm1(logWait);
    return s > 0 ? Math.min(s, max) : 0; // also maps NaN to 0
  }
}
