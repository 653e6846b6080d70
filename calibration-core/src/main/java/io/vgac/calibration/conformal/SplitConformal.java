package io.vgac.calibration.conformal;

import java.util.Arrays;

/**
 * Split-conformal calibration of a point predictor of waits (Vovk et al. 2005; Lei et al. 2018). The nonconformity
 * score of a job is its absolute log-residual {@code |log(1 + actual) − log(1 + predicted)|} (waits in seconds), so
 * intervals are symmetric in {@code log(1 + wait)} and multiplicative in the wait — the spread of waits grows with
 * their size. With {@code n} exchangeable calibration scores, the radius is the
 * {@code k = ⌈(n + 1)(1 − α)⌉}-th smallest score, which covers a new exchangeable score with probability at least
 * {@code 1 − α} (and less than {@code 1 − α + 1/(n + 1)} without ties); when {@code k > n} no finite radius has that
 * guarantee and the radius is {@code +∞}.
 */
public final class SplitConformal {
  private SplitConformal() {}

  /**
   * The nonconformity score of one job: {@code |log1p(actualSeconds) − log1p(predictedSeconds)|}.
   *
   * @throws IllegalArgumentException when either wait is negative, NaN or infinite
   */
  public static double absoluteLogResidual(double predictedSeconds, double actualSeconds) {
    checkWait("predictedSeconds", predictedSeconds);
    checkWait("actualSeconds", actualSeconds);
    return Math.abs(Math.log1p(actualSeconds) - Math.log1p(predictedSeconds));
  }

  /**
   * The rank {@code k = ⌈(n + 1)(1 − α)⌉} of the conformal quantile among {@code n} sorted scores (1-based); it may
   * exceed {@code n} (radius {@code +∞}) and, for {@code α ≥ 1} in the adaptive method, be ≤ 0 (empty set).
   *
   * @throws IllegalArgumentException when {@code n < 0} or {@code alpha} is NaN
   */
  public static long rank(int n, double alpha) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be ≥ 0 but was " + n);
    }
    if (Double.isNaN(alpha)) {
      throw new IllegalArgumentException("alpha must be a number but was NaN");
    }
    double x = (n + 1) * (1 - alpha);
    double k = Math.ceil(x - 4 * Math.ulp(x)); // a product that should be an integer may round just above it
    if (k > n) {
      return (long) n + 1;
    }
    return k < 0 ? 0 : (long) k;
  }

  /**
   * The conformal quantile of {@code scores} at miss rate {@code alpha}: the {@link #rank}-th smallest score,
   * {@code +∞} when the rank exceeds the number of scores (too few to guarantee {@code 1 − α}).
   *
   * @throws IllegalArgumentException when {@code alpha} is not in (0,1) or a score is negative, NaN or infinite
   */
  public static double quantile(double[] scores, double alpha) {
    checkMissRate("alpha", alpha);
    double[] sorted = scores.clone();
    for (int i = 0; i < sorted.length; i++) {
      checkScore(sorted[i], i);
    }
    Arrays.sort(sorted);
    long k = rank(sorted.length, alpha);
    return k > sorted.length ? Double.POSITIVE_INFINITY : sorted[(int) k - 1];
  }

  /**
   * Calibrates on a held-out set: the scores of {@code predictedSeconds[i]} against {@code actualSeconds[i]} and
   * their conformal quantile at {@code alpha}.
   *
   * @throws IllegalArgumentException for arrays of different lengths, a bad wait (named with its index) or an
   *     {@code alpha} outside (0,1)
   */
  public static ConformalCalibration calibrate(double[] predictedSeconds, double[] actualSeconds, double alpha) {
    if (predictedSeconds.length != actualSeconds.length) {
      throw new IllegalArgumentException("actualSeconds must have the length of predictedSeconds ("
          + predictedSeconds.length + ") but had " + actualSeconds.length);
    }
    checkMissRate("alpha", alpha);
    double[] scores = new double[predictedSeconds.length];
    for (int i = 0; i < scores.length; i++) {
      try {
        scores[i] = absoluteLogResidual(predictedSeconds[i], actualSeconds[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " at index " + i, e);
      }
    }
    return new ConformalCalibration(quantile(scores, alpha), alpha, scores.length);
  }

  static void checkMissRate(String name, double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException(name + " must be in (0,1) but was " + alpha);
    }
  }

  static void checkScore(double score, long index) {
    if (!(score >= 0) || score == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("score must be finite and ≥ 0 but was " + score + " at index " + index);
    }
  }

  static void checkWait(String name, double seconds) {
    if (!(seconds >= 0) || seconds == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be a finite wait ≥ 0 but was " + seconds);
    }
  }
}
