package io.vgac.tracelab.eval;

import io.vgac.calibration.Interval;
import io.vgac.calibration.Predictions;
import io.vgac.calibration.metrics.Bootstrap;
import io.vgac.calibration.metrics.BootstrapConfig;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.EceBound;
import io.vgac.calibration.tracker.EceBounds;
import java.util.EnumMap;
import java.util.Map;

/**
 * Scores predictions with calibration-core: the report, optional bootstrap intervals, and the qualified tier from
 * the ECE point estimate and from its bootstrap upper bound ({@link TierPolicy#standard()}).
 *
 * @param bootstrap resamples (0 = none: no intervals, honest tier 0)
 * @param seed the bootstrap seed
 */
public record Evaluator(int bootstrap, long seed) {
  /** The resampled metrics. */
  public static final Metric[] RESAMPLED = {Metric.AUROC, Metric.AUPRC, Metric.ECE, Metric.MCE, Metric.BRIER};

  public Evaluator {
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw new IllegalArgumentException("bootstrap must be in [0, 100000] but was " + bootstrap);
    }
  }

  /** Scores {@code p} against {@code y}. */
  public Evaluation evaluate(String name, double[] p, int[] y) {
    Predictions predictions = Predictions.of(p, y);
    CalibrationOptions options = CalibrationOptions.ofDefaults();
    CalibrationReport r = CalibrationMetrics.report(predictions, options);
    Map<Metric, Interval> intervals = new EnumMap<>(Metric.class);
    double eceUpper = Double.NaN;
    if (bootstrap > 0 && p.length > 0) {
      BootstrapResult b = Bootstrap.run(predictions, options, BootstrapConfig.builder().resamples(bootstrap)
          .seed(seed).metrics(RESAMPLED[0], RESAMPLED).build());
      for (Metric m : RESAMPLED) {
        Interval i = b.interval(m);
        if (i != null) {
          intervals.put(m, i);
        }
      }
      EceBound bound = EceBounds.bootstrap(p, y, CalibrationOptions.DEFAULT_BINS, bootstrap, seed,
          EceBounds.DEFAULT_LEVEL);
      eceUpper = bound.upper();
    }
    TierPolicy policy = TierPolicy.standard();
    int point = Double.isNaN(r.ece()) ? 0 : policy.qualifiedTier(r.ece());
    int upper = Double.isNaN(eceUpper) ? 0 : policy.qualifiedTier(eceUpper);
    return new Evaluation(name, r.n(), r.prevalence(), r.auroc(), r.auprc(), r.ece(), r.mce(), r.brier(), r.tail(),
        point, upper, eceUpper, intervals, r);
  }
}
