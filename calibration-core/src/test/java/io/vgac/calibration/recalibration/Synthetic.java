package io.vgac.calibration.recalibration;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Seeded synthetic data for the recalibration tests. */
final class Synthetic {
  final double[] p;
  final int[] y;
  /** The true probability of each label. */
  final double[] truth;

  private Synthetic(double[] p, int[] y, double[] truth) {
    this.p = p;
    this.y = y;
    this.truth = truth;
  }

  /**
   * {@code n} rows with true probability {@code truth ~ U(0,1)}, reported probability {@code report(truth)} and
   * label {@code y ~ Bernoulli(truth)}.
   */
  static Synthetic uniformTruth(long seed, int n, DoubleUnaryOperator report) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] p = new double[n];
    int[] y = new int[n];
    double[] truth = new double[n];
    for (int i = 0; i < n; i++) {
      truth[i] = rnd.nextDouble();
      p[i] = report.applyAsDouble(truth[i]);
      y[i] = rnd.nextDouble() < truth[i] ? 1 : 0;
    }
    return new Synthetic(p, y, truth);
  }

  /** {@code n} rows with reported probability {@code p ~ U(0,1)} and label {@code y ~ Bernoulli(map(p))}. */
  static Synthetic uniformReport(long seed, int n, DoubleUnaryOperator map) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] p = new double[n];
    int[] y = new int[n];
    double[] truth = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = rnd.nextDouble();
      truth[i] = map.applyAsDouble(p[i]);
      y[i] = rnd.nextDouble() < truth[i] ? 1 : 0;
    }
    return new Synthetic(p, y, truth);
  }

  /** Perfectly calibrated: {@code y ~ Bernoulli(p)}, {@code p ~ U(0,1)}. */
  static Synthetic calibrated(long seed, int n) {
    return uniformReport(seed, n, q -> q);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /** Mean log loss with probabilities clipped to [1e-15, 1 − 1e-15]. */
  static double logLoss(double[] q, int[] y, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      double c = Math.min(Math.max(q[i], 1e-15), 1 - 1e-15);
      sum -= y[i] == 1 ? Math.log(c) : Math.log1p(-c);
    }
    return sum / (to - from);
  }

  static double meanAbsDifference(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }
}
