package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.Binning;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Per-bin sums over sorted predictions for one {@link Binning}: Σw, Σwp, Σwy, Σwp², Σwpy and the row count.
 * Every binned metric is a function of these sums, which is also what makes them mergeable.
 */
final class BinSums {
  final int bins;
  final double[] lo;
  final double[] hi;
  final long[] n;
  final double[] w;
  final double[] sp;
  final double[] sy;
  final double[] spp;
  final double[] spy;

  private BinSums(int bins) {
    this.bins = bins;
    lo = new double[bins];
    hi = new double[bins];
    n = new long[bins];
    w = new double[bins];
    sp = new double[bins];
    sy = new double[bins];
    spp = new double[bins];
    spy = new double[bins];
  }

  static BinSums empty(int bins) {
    return new BinSums(bins);
  }

  double totalWeight() {
    double t = 0;
    for (double x : w) {
      t += x;
    }
    return t;
  }

  /** Bins of {@code binning} over {@code s}, with {@code weights} (sorted order; null = the data's own weights). */
  static BinSums of(SortedPredictions s, Binning binning, double @Nullable [] weights) {
    double[] wt = weights != null ? weights : s.w;
    if (binning instanceof Binning.ArraySplit a) {
      return arraySplit(s, a.bins(), wt);
    }
    int[] bounds;
    if (binning instanceof Binning.Uniform u) {
      bounds = edgeBounds(s.p, u.bins(), u::edge);
    } else if (binning instanceof Binning.Edges e) {
      bounds = edgeBounds(s.p, e.bins(), e::edge);
    } else if (binning instanceof Binning.EqualMass m) {
      bounds = equalMassBounds(s, m.bins(), wt);
    } else {
      bounds = s.groupStart.clone();
    }
    BinSums b = new BinSums(bounds.length - 1);
    for (int k = 0; k < b.bins; k++) {
      b.accumulateRange(k, s, wt, bounds[k], bounds[k + 1]);
    }
    if (binning instanceof Binning.Uniform u) {
      b.setEdges(u::edge);
    } else if (binning instanceof Binning.Edges e) {
      b.setEdges(e::edge);
    }
    return b;
  }

  private interface EdgeFn {
    double edge(int k);
  }

  private void setEdges(EdgeFn f) {
    for (int k = 0; k < bins; k++) {
      lo[k] = f.edge(k);
      hi[k] = f.edge(k + 1);
    }
  }

  /** bounds[k] = first sorted index with p ≥ edge(k); bounds[B] = N so the last bin is closed at 1. */
  private static int[] edgeBounds(double[] p, int bins, EdgeFn f) {
    int[] bounds = new int[bins + 1];
    for (int k = 1; k < bins; k++) {
      bounds[k] = lowerBound(p, f.edge(k));
    }
    bounds[bins] = p.length;
    return bounds;
  }

  static int lowerBound(double[] a, double key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Inner boundaries at the tie-group boundary whose cumulative weight is nearest k·W/B; duplicates removed. */
  private static int[] equalMassBounds(SortedPredictions s, int bins, double @Nullable [] wt) {
    int groups = s.groups();
    double[] cum = new double[groups + 1];
    for (int g = 0; g < groups; g++) {
      double gw = 0;
      for (int i = s.groupStart[g]; i < s.groupStart[g + 1]; i++) {
        gw += wt == null ? 1 : wt[i];
      }
      cum[g + 1] = cum[g] + gw;
    }
    double total = cum[groups];
    int[] bounds = new int[bins + 1];
    int m = 1;
    int prevGroup = 0;
    for (int k = 1; k < bins; k++) {
      double target = total * k / bins;
      int g = lowerBound(cum, target);
      if (g > groups) {
        g = groups;
      }
      if (g > 0 && target - cum[g - 1] <= cum[g] - target) {
        g--;
      }
      if (g > prevGroup && g < groups) {
        bounds[m++] = s.groupStart[g];
        prevGroup = g;
      }
    }
    bounds[m++] = s.size();
    return Arrays.copyOf(bounds, m);
  }

  private void accumulateRange(int k, SortedPredictions s, double @Nullable [] wt, int from, int to) {
    double tw = 0, tp = 0, ty = 0, tpp = 0, tpy = 0;
    long rows = 0;
    for (int i = from; i < to; i++) {
      double wi = wt == null ? 1 : wt[i];
      if (wi == 0) {
        continue;
      }
      double pi = s.p[i];
      double wp = wi * pi;
      tw += wi;
      tp += wp;
      tpp += wp * pi;
      if (s.y[i] != 0) {
        ty += wi;
        tpy += wp;
      }
      rows++;
    }
    n[k] = rows;
    w[k] = tw;
    sp[k] = tp;
    sy[k] = ty;
    spp[k] = tpp;
    spy[k] = tpy;
    lo[k] = to > from ? s.p[from] : Double.NaN;
    hi[k] = to > from ? s.p[to - 1] : Double.NaN;
  }

  /**
   * Equal-weight consecutive chunks. Chunk boundaries sit at cumulative weight k·q + min(k, r) (q, r = W div/mod B)
   * when W is integral — the papers' rule for unit weights — and at k·W/B otherwise; a row that straddles a
   * boundary contributes the overlapping part of its weight to each side.
   */
  private static BinSums arraySplit(SortedPredictions s, int bins, double @Nullable [] wt) {
    int n = s.size();
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += wt == null ? 1 : wt[i];
    }
    double[] cut = new double[bins + 1];
    double rounded = Math.rint(total);
    boolean integral = Math.abs(total - rounded) <= 1e-9 * Math.max(1, total);
    for (int k = 1; k < bins; k++) {
      if (integral) {
        long q = (long) rounded / bins;
        long r = (long) rounded % bins;
        cut[k] = k * q + Math.min(k, r);
      } else {
        cut[k] = total * k / bins;
      }
    }
    cut[bins] = Double.POSITIVE_INFINITY;
    BinSums b = new BinSums(bins);
    Arrays.fill(b.lo, Double.NaN);
    Arrays.fill(b.hi, Double.NaN);
    int k = 0;
    double before = 0; // cumulative weight before row i
    for (int i = 0; i < n; i++) {
      double wi = wt == null ? 1 : wt[i];
      if (wi == 0) {
        continue;
      }
      double after = before + wi;
      double start = before;
      while (true) {
        double end = Math.min(after, cut[k + 1]);
        double part = end - start;
        if (part > 0) {
          b.add(k, s.p[i], s.y[i], part);
        }
        if (after > cut[k + 1] && k < bins - 1) {
          start = cut[k + 1];
          k++;
        } else {
          break;
        }
      }
      if (after == cut[k + 1] && k < bins - 1) {
        k++;
      }
      before = after;
    }
    return b;
  }

  private void add(int k, double pi, byte yi, double wi) {
    double wp = wi * pi;
    if (n[k] == 0) {
      lo[k] = pi;
    }
    hi[k] = pi;
    n[k]++;
    w[k] += wi;
    sp[k] += wp;
    spp[k] += wp * pi;
    if (yi != 0) {
      sy[k] += wi;
      spy[k] += wp;
    }
  }
}
