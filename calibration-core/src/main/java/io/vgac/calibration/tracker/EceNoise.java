package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.UniformBinIndex;
import io.vgac.calibration.Probability;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Expected ECE under perfect calibration for a window's own scores — the bias that makes the design's ECE-ratio
 * rule fire on small windows.
 *
 * <ul>
 *   <li><b>Consistency resampling</b> (Bröcker &amp; Smith 2007): draw {@code y* ~ Bernoulli(p)} for every score
 *       of the window, compute the ECE with the same uniform bins, repeat; report the mean and the 95% quantile.
 *       Seeded ({@link SplittableRandom}); identical inputs give identical results.
 *   <li><b>Analytic approximation</b>: in a bin of {@code n_b} rows with mean score {@code p̄_b}, the gap
 *       {@code |ȳ_b − p̄_b|} is roughly |Normal(0, p̄_b(1−p̄_b)/n_b)|, whose mean is {@code sqrt(2σ²/π)}; so
 *       {@code E[ECE] ≈ Σ_b (n_b/N)·sqrt(2·p̄_b(1−p̄_b)/(π·n_b))}. It uses p̄(1−p̄) where the exact variance is the
 *       bin's mean of p(1−p) (≤ p̄(1−p̄)), and the normal approximation is poor for bins of a few rows, so it
 *       slightly over-estimates; for uniform scores it gives ≈ 0.313·sqrt(B/N) (B = 15, N = 200: 0.086, 4.8× the
 *       0.018 baseline).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class EceNoise {
  public static final int DEFAULT_RESAMPLES = 1000;

  private EceNoise() {}

  /**
   * The noise floor of the scores {@code p} on {@code bins} uniform bins.
   *
   * @throws IllegalArgumentException on a score that is not a probability (naming its index), bins outside
   *     [1, 10⁶] or resamples outside [1, 10⁶]
   */
  public static EceNoiseFloor of(double[] p, int bins, int resamples, long seed) {
    if (resamples < 1 || resamples > 1_000_000) {
      throw new IllegalArgumentException("resamples must be in [1, 1000000] but was " + resamples);
    }
    UniformBinIndex index = new UniformBinIndex(bins);
    int n = p.length;
    if (n == 0) {
      return EceNoiseFloor.undefined(resamples, seed);
    }
    int[] bin = new int[n];
    long[] count = new long[bins];
    double[] sumP = new double[bins];
    for (int i = 0; i < n; i++) {
      Probability.check(p[i], i);
      bin[i] = index.of(p[i]);
      count[bin[i]]++;
      sumP[bin[i]] += p[i];
    }
    double analytic = 0;
    for (int k = 0; k < bins; k++) {
      if (count[k] > 0) {
        double mean = sumP[k] / count[k];
        analytic += (double) count[k] / n * Math.sqrt(2 * mean * (1 - mean) / (Math.PI * count[k]));
      }
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] diff = new double[bins];
    double[] values = new double[resamples];
    double total = 0;
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(diff, 0);
      for (int i = 0; i < n; i++) {
        double pi = p[i];
        diff[bin[i]] += rnd.nextDouble() < pi ? pi - 1 : pi;
      }
      double s = 0;
      for (double d : diff) {
        s += Math.abs(d);
      }
      values[r] = s / n;
      total += values[r];
    }
    Arrays.sort(values);
    return new EceNoiseFloor(total / resamples, quantile(values, 0.95), analytic, n, resamples, seed);
  }

  /** {@link #DEFAULT_RESAMPLES} resamples. */
  public static EceNoiseFloor of(double[] p, int bins, long seed) {
    return of(p, bins, DEFAULT_RESAMPLES, seed);
  }

  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
