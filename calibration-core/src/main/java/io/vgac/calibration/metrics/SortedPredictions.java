package io.vgac.calibration.metrics;

import io.vgac.calibration.Predictions;
import org.jspecify.annotations.Nullable;

/**
 * Predictions sorted by probability with a stable LSD radix sort (ties keep their input order, as the original
 * papers' stable sort does). Sorting once lets every metric — and every bootstrap resample, which only changes
 * weights — run as linear passes over contiguous arrays.
 */
final class SortedPredictions {
  final double[] p;
  final byte[] y;
  final double @Nullable [] w;
  /** Start index of each tie group, followed by {@code n} as a sentinel. */
  final int[] groupStart;

  private SortedPredictions(double[] p, byte[] y, double @Nullable [] w, int[] groupStart) {
    this.p = p;
    this.y = y;
    this.w = w;
    this.groupStart = groupStart;
  }

  private volatile double @Nullable [] logits;
  private volatile double logitsEpsilon;

  /** logit(p) with p clipped to [eps, 1 − eps]; computed once (benign race: every thread computes the same). */
  double[] logits(double eps) {
    double[] l = logits;
    if (l == null || logitsEpsilon != eps) {
      l = new double[p.length];
      for (int i = 0; i < p.length; i++) {
        double pi = Math.min(Math.max(p[i], eps), 1 - eps);
        l[i] = Math.log(pi / (1 - pi)); // 1 − p is exact for p ≥ ½, and Math.log is an intrinsic
      }
      logitsEpsilon = eps;
      logits = l;
    }
    return l;
  }

  int size() {
    return p.length;
  }

  int groups() {
    return groupStart.length - 1;
  }

  static SortedPredictions of(Predictions predictions) {
    double[] src = predictions.probabilitiesUnsafe();
    byte[] ys = predictions.labelsUnsafe();
    double[] ws = predictions.weightsUnsafe();
    int n = src.length;
    int[] order = stableOrder(src);
    double[] p = new double[n];
    byte[] y = new byte[n];
    double[] w = ws == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      int j = order[i];
      p[i] = src[j] + 0.0; // folds -0.0 into 0.0
      y[i] = ys[j];
      if (w != null) {
        w[i] = ws[j];
      }
    }
    return new SortedPredictions(p, y, w, groupStarts(p));
  }

  private static int[] groupStarts(double[] p) {
    int n = p.length;
    int count = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (p[i] != p[i - 1]) {
        count++;
      }
    }
    int[] starts = new int[count + 1];
    int g = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || p[i] != p[i - 1]) {
        starts[g++] = i;
      }
    }
    starts[count] = n;
    return starts;
  }

  private static final int DIGIT_BITS = 11;
  private static final int RADIX = 1 << DIGIT_BITS;
  private static final int PASSES = 6; // 66 bits ≥ the 62 bits a double in [0, 1] uses

  /**
   * The permutation that sorts {@code values} (all in [0, 1]) ascending, stable. Non-negative doubles order like
   * their bit patterns, so an LSD radix sort over the bits is exact; passes whose digit is constant are skipped.
   */
  static int[] stableOrder(double[] values) {
    int n = values.length;
    long[] keys = new long[n];
    int[][] counts = new int[PASSES][RADIX];
    for (int i = 0; i < n; i++) {
      long k = Double.doubleToRawLongBits(values[i] + 0.0);
      keys[i] = k;
      for (int d = 0; d < PASSES; d++) {
        counts[d][(int) (k >>> (d * DIGIT_BITS)) & (RADIX - 1)]++;
      }
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    long[] keys2 = new long[n];
    int[] idx2 = new int[n];
    for (int d = 0; d < PASSES; d++) {
      int[] c = counts[d];
      int shift = d * DIGIT_BITS;
      if (n == 0 || c[(int) (keys[0] >>> shift) & (RADIX - 1)] == n) {
        continue; // every key has the same digit here
      }
      int sum = 0;
      for (int b = 0; b < RADIX; b++) {
        int t = c[b];
        c[b] = sum;
        sum += t;
      }
      for (int i = 0; i < n; i++) {
        long k = keys[i];
        int pos = c[(int) (k >>> shift) & (RADIX - 1)]++;
        keys2[pos] = k;
        idx2[pos] = idx[i];
      }
      long[] tk = keys;
      keys = keys2;
      keys2 = tk;
      int[] ti = idx;
      idx = idx2;
      idx2 = ti;
    }
    return idx;
  }
}
