package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import io.vgac.calibration.Predictions;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Stand-in until calibration-core's {@code metrics.Bootstrap} and {@code policy.TierPolicy} are merged; then this
 * class becomes two calls: {@code Bootstrap.run(predictions, options,
 * BootstrapConfig.builder().resamples(n).seed(seed).progress(progress).build()).intervals()} (keys
 * {@code Metric.jsonName()}) and {@code TierPolicy.standard().qualifiedTier(ece)} with {@code TierPolicy.tierName}.
 *
 * <p>Meanwhile: a plain percentile bootstrap (rows drawn with replacement, the full report per resample, 2.5% and
 * 97.5% quantiles with linear interpolation over the resamples where the metric is defined), and the design's tier
 * table: annotate ECE ≤ 0.10, warn ≤ 0.07, suggest ≤ 0.05, gate ≤ 0.03, checked upward and stopping at the first
 * failure.
 */
final class InterimBootstrapAndTier implements BootstrapAndTier {
  private static final double LEVEL = 0.95;
  private static final double[] TIER_ECE_LIMITS = {0.10, 0.07, 0.05, 0.03};
  private static final String[] TIER_NAMES = {"none", "annotate", "warn", "suggest", "gate"};

  @Override
  public BootstrapSummary bootstrap(
      Predictions predictions, CalibrationOptions options, int resamples, long seed, IntConsumer progress) {
    Metric[] metrics = Metric.values();
    double[][] values = new double[metrics.length][resamples];
    double[] p = predictions.probabilitiesUnsafe();
    byte[] y = predictions.labelsUnsafe();
    int n = p.length;
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < resamples; r++) {
      double[] rp = new double[n];
      byte[] ry = new byte[n];
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        rp[i] = p[j];
        ry[i] = y[j];
      }
      CalibrationReport report = CalibrationMetrics.report(Predictions.wrap(rp, ry, null), options);
      for (int m = 0; m < metrics.length; m++) {
        values[m][r] = metrics[m].valueOf(report);
      }
      progress.accept(r + 1);
    }
    Map<String, Interval> intervals = new LinkedHashMap<>();
    for (int m = 0; m < metrics.length; m++) {
      intervals.put(metrics[m].jsonName(), percentileInterval(values[m]));
    }
    return new BootstrapSummary(resamples, seed, LEVEL, intervals);
  }

  private static Interval percentileInterval(double[] samples) {
    double[] defined = Arrays.stream(samples).filter(v -> !Double.isNaN(v)).sorted().toArray();
    // An interval over a minority of resamples would describe a different population.
    if (defined.length == 0 || defined.length * 2 < samples.length) {
      return Interval.undefined(LEVEL);
    }
    double tail = (1 - LEVEL) / 2;
    return new Interval(quantile(defined, tail), quantile(defined, 1 - tail), LEVEL);
  }

  private static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public QualifiedTier qualifiedTier(double ece) {
    int tier = 0;
    while (tier < TIER_ECE_LIMITS.length && ece <= TIER_ECE_LIMITS[tier]) {
      tier++;
    }
    return new QualifiedTier(tier, TIER_NAMES[tier]);
  }
}
