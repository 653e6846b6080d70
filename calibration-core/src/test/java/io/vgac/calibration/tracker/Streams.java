package io.vgac.calibration.tracker;

import java.util.SplittableRandom;

/** Seeded synthetic outcome streams for the tracker tests. */
final class Streams {
  private Streams() {}

  /** Scores like a queue-wait model's: concentrated on a few low values, so ECE can be certified small. */
  static final double[] CONCENTRATED = {0.02, 0.05, 0.1};

  static double[] uniformScores(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = r.nextDouble();
    }
    return p;
  }

  static double[] pick(double[] values, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = values[r.nextInt(values.length)];
    }
    return p;
  }

  /** Outcomes y ~ Bernoulli(clamp(p + shift)). */
  static int[] outcomes(double[] p, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int[] y = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1, Math.max(0, p[i] + shift));
      y[i] = r.nextDouble() < q ? 1 : 0;
    }
    return y;
  }

  /** A settable fake clock in epoch milliseconds. */
  static final class FakeClock implements java.util.function.LongSupplier {
    long now = 1_700_000_000_000L;

    @Override
    public long getAsLong() {
      return now;
    }
  }
}
