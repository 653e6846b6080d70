package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.UniformBinIndex;
import io.vgac.calibration.Interval;
import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.Bootstrap;
import io.vgac.calibration.metrics.BootstrapConfig;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.Metric;

/**
 * Upper confidence bounds of the ECE of a set of (p, y) rows on B uniform bins, for honest tier qualification.
 *
 * <ul>
 *   <li>{@link #bootstrap}: the seeded bootstrap percentile ({@link Bootstrap}). The default one-sided level 0.95
 *       is the upper end of the two-sided 90% percentile interval. Note that the bootstrap ECE is itself biased
 *       upward on small samples, so this bound errs on the safe side.
 *   <li>{@link #analytic}: conditional on the scores, each bin's observed rate is within
 *       {@code sqrt(ln(2B/δ) / (2 n_b))} of its expectation for all bins at once with probability ≥ 1 − δ
 *       (Hoeffding and a union bound, δ = 1 − level), so
 *       {@code ECE_true ≤ ECE + Σ_b (n_b/N)·sqrt(ln(2B/δ)/(2 n_b))}. Distribution-free and cheap, but loose.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class EceBounds {
  /** One-sided 95%: the upper end of the two-sided 90% interval. */
  public static final double DEFAULT_LEVEL = 0.95;

  public static final int DEFAULT_RESAMPLES = 1000;

  private EceBounds() {}

  /**
   * Bootstrap bound with {@code resamples} resamples drawn from {@code seed}.
   *
   * @throws IllegalArgumentException on a bad probability or label (naming the index), bins outside [1, 10⁶],
   *     resamples outside [1, 10⁶] or a level outside (0.5, 1)
   */
  public static EceBound bootstrap(double[] p, int[] y, int bins, int resamples, long seed, double level) {
    checkLevel(level);
    if (p.length == 0 && y.length == 0) {
      return EceBound.undefined(level, UpperBoundMethod.BOOTSTRAP);
    }
    Predictions data = Predictions.of(p, y);
    CalibrationOptions options = CalibrationOptions.builder().binning(Binning.uniform(bins)).build();
    BootstrapResult r =
        Bootstrap.run(
            data,
            options,
            BootstrapConfig.builder()
                .resamples(resamples)
                .seed(seed)
                .level(2 * level - 1)
                .metrics(Metric.ECE)
                .tailGaps(false)
                .parallelism(1)
                .build());
    Interval interval = r.intervals().get(Metric.ECE);
    double ece = ece(p, y, bins);
    return new EceBound(ece, interval.hi(), interval, level, UpperBoundMethod.BOOTSTRAP, p.length);
  }

  /** Bootstrap bound with {@link #DEFAULT_RESAMPLES} resamples at the one-sided 95% level. */
  public static EceBound bootstrap(double[] p, int[] y, int bins, long seed) {
    return bootstrap(p, y, bins, DEFAULT_RESAMPLES, seed, DEFAULT_LEVEL);
  }

  /** The Hoeffding/union bound described in the class comment. */
  public static EceBound analytic(double[] p, int[] y, int bins, double level) {
    checkLevel(level);
    if (p.length != y.length) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + p.length + " probabilities but " + y.length + " labels");
    }
    if (p.length == 0) {
      return EceBound.undefined(level, UpperBoundMethod.ANALYTIC);
    }
    UniformBinIndex index = new UniformBinIndex(bins);
    long[] count = new long[bins];
    double[] diff = new double[bins];
    for (int i = 0; i < p.length; i++) {
      io.vgac.calibration.Probability.check(p[i], i);
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException("Not a 0/1 label: " + y[i] + " at index " + i);
      }
      int k = index.of(p[i]);
      count[k]++;
      diff[k] += p[i] - y[i];
    }
    double absSum = 0;
    for (double d : diff) {
      absSum += Math.abs(d);
    }
    double ece = absSum / p.length;
    double upper = ece + analyticSlack(count, p.length, level);
    return new EceBound(ece, upper, new Interval(ece, upper, level), level, UpperBoundMethod.ANALYTIC, p.length);
  }

  /** {@code Σ_b sqrt(n_b · ln(2B/δ) / 2) / N}: the analytic bound's excess over the point ECE. */
  static double analyticSlack(int[] counts, long n, double level) {
    double log = Math.log(2.0 * counts.length / (1 - level));
    double s = 0;
    for (int c : counts) {
      if (c > 0) {
        s += Math.sqrt(c * log / 2);
      }
    }
    return s / n;
  }

  static double analyticSlack(long[] counts, long n, double level) {
    double log = Math.log(2.0 * counts.length / (1 - level));
    double s = 0;
    for (long c : counts) {
      if (c > 0) {
        s += Math.sqrt(c * log / 2);
      }
    }
    return s / n;
  }

  /** ECE on B uniform bins (bins as {@link Binning.Uniform}); NaN for no rows. */
  static double ece(double[] p, int[] y, int bins) {
    if (p.length == 0) {
      return Double.NaN;
    }
    UniformBinIndex index = new UniformBinIndex(bins);
    double[] diff = new double[bins];
    for (int i = 0; i < p.length; i++) {
      diff[index.of(p[i])] += p[i] - y[i];
    }
    double s = 0;
    for (double d : diff) {
      s += Math.abs(d);
    }
    return s / p.length;
  }

  private static void checkLevel(double level) {
    if (!(level > 0.5 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0.5,1) but was " + level);
    }
  }
}
