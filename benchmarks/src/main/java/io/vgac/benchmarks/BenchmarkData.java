package io.vgac.benchmarks;

import java.util.SplittableRandom;

/** Seeded synthetic predictions with a chosen prevalence, shared by the benchmarks. */
final class BenchmarkData {
  final double[] p;
  final int[] y;

  private BenchmarkData(double[] p, int[] y) {
    this.p = p;
    this.y = y;
  }

  /** Scores from a Beta-like skew towards 0 so that about 10% of outcomes are positive, outcomes ~ Bernoulli(p). */
  static BenchmarkData generate(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double u = rnd.nextDouble();
      p[i] = 0.4 * u * u * u; // E[0.4·u³] = 0.1
      y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
    }
    return new BenchmarkData(p, y);
  }
}
