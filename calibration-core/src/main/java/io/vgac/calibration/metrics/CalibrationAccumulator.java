package io.vgac.calibration.metrics;

import io.vgac.calibration.Probability;
import io.vgac.calibration.binning.BinInterval;
import io.vgac.calibration.binning.Binning;
import java.util.Arrays;

/**
 * A mergeable streaming accumulator over fixed bin edges: per bin the row count and compensated (Neumaier) sums of
 * w, w·p, w·y, w·p², w·p·y, plus compensated totals for the log loss and Spiegelhalter's variance. {@link #accept}
 * is O(1) and allocation-free; {@link #combine} adds another accumulator's sums, so per-replica or per-partition
 * state merges exactly (up to rounding) into the state of all rows; {@link #snapshot} gives the same numbers as the
 * batch {@link CalibrationMetrics#report} on the same rows.
 *
 * <p>Not thread-safe: use {@link ConcurrentCalibrationAccumulator} to share one between threads.
 */
public final class CalibrationAccumulator {
  private static final int W = 0, P = 1, Y = 2, PP = 3, PY = 4, FIELDS = 5;

  private final Binning binning;
  private final int bins;
  private final double[] edges; // inner edges 1..B-1 for the bin search
  private final long[] counts;
  private final double[] sums; // [bin * FIELDS + field]
  private final double[] comp; // Neumaier compensation of sums
  private final double[] totals = new double[2]; // log loss, Spiegelhalter denominator
  private final double[] totalsComp = new double[2];
  private final double logLossEpsilon;
  private long n;

  /** An accumulator over {@code binning}, which must have fixed edges ({@link Binning.Uniform} or {@link Binning.Edges}). */
  public CalibrationAccumulator(Binning binning) {
    this(binning, CalibrationOptions.DEFAULT_LOG_LOSS_EPSILON);
  }

  public CalibrationAccumulator(Binning binning, double logLossEpsilon) {
    this.binning = binning;
    this.logLossEpsilon = logLossEpsilon;
    if (binning instanceof Binning.Uniform u) {
      bins = u.bins();
      edges = new double[bins + 1];
      for (int k = 0; k <= bins; k++) {
        edges[k] = u.edge(k);
      }
    } else if (binning instanceof Binning.Edges e) {
      bins = e.bins();
      edges = e.edges();
    } else {
      throw new IllegalArgumentException(
          "binning must have fixed edges (uniform or edges) for streaming but was " + binning.name());
    }
    counts = new long[bins];
    sums = new double[bins * FIELDS];
    comp = new double[bins * FIELDS];
  }

  public Binning binning() {
    return binning;
  }

  public long count() {
    return n;
  }

  /** Adds one prediction with unit weight. */
  public void accept(double p, int y) {
    accept(p, y, 1.0);
  }

  /** Adds one prediction; throws, changing nothing, on a non-probability, a non-0/1 label or a bad weight. */
  public void accept(double p, int y, double w) {
    Probability.check(p);
    Probability.checkLabel(y);
    if (!(w >= 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("Not a finite non-negative weight: " + w);
    }
    p += 0.0;
    int k = bin(p);
    int base = k * FIELDS;
    double wp = w * p;
    add(sums, comp, base + W, w);
    add(sums, comp, base + P, wp);
    add(sums, comp, base + PP, wp * p);
    if (y != 0) {
      add(sums, comp, base + Y, w);
      add(sums, comp, base + PY, wp);
    }
    double clipped = Math.min(Math.max(p, logLossEpsilon), 1 - logLossEpsilon);
    add(totals, totalsComp, 0, -w * (y != 0 ? Math.log(clipped) : Math.log1p(-clipped)));
    double a = 1 - 2 * p;
    add(totals, totalsComp, 1, w * a * a * p * (1 - p));
    counts[k]++;
    n++;
  }

  /** Adds {@code other}'s rows to this accumulator; both must use the same bins. Returns this. */
  public CalibrationAccumulator combine(CalibrationAccumulator other) {
    if (!binning.equals(other.binning)) {
      throw new IllegalArgumentException(
          "cannot combine accumulators with different bins: " + binning + " and " + other.binning);
    }
    for (int i = 0; i < sums.length; i++) {
      add(sums, comp, i, other.sums[i]);
      add(sums, comp, i, other.comp[i]);
    }
    for (int i = 0; i < totals.length; i++) {
      add(totals, totalsComp, i, other.totals[i]);
      add(totals, totalsComp, i, other.totalsComp[i]);
    }
    for (int k = 0; k < bins; k++) {
      counts[k] += other.counts[k];
    }
    n += other.n;
    return this;
  }

  /** A copy with the same state. */
  public CalibrationAccumulator copy() {
    return new CalibrationAccumulator(binning, logLossEpsilon).combine(this);
  }

  /** Forgets every row. */
  public void clear() {
    Arrays.fill(counts, 0);
    Arrays.fill(sums, 0);
    Arrays.fill(comp, 0);
    Arrays.fill(totals, 0);
    Arrays.fill(totalsComp, 0);
    n = 0;
  }

  public CalibrationSnapshot snapshot() {
    return snapshot(BinInterval.WILSON, BinInterval.DEFAULT_LEVEL);
  }

  public CalibrationSnapshot snapshot(BinInterval method, double level) {
    BinSums b = BinSums.empty(bins);
    double tw = 0, tp = 0, ty = 0, tpp = 0, tpy = 0;
    for (int k = 0; k < bins; k++) {
      int base = k * FIELDS;
      b.n[k] = counts[k];
      b.w[k] = value(base + W);
      b.sp[k] = value(base + P);
      b.sy[k] = value(base + Y);
      b.spp[k] = value(base + PP);
      b.spy[k] = value(base + PY);
      b.lo[k] = edges[k];
      b.hi[k] = edges[k + 1];
      tw += b.w[k];
      tp += b.sp[k];
      ty += b.sy[k];
      tpp += b.spp[k];
      tpy += b.spy[k];
    }
    double prevalence = ty / tw;
    BinnedErrors e = BinnedErrors.of(b, tw, prevalence);
    // Σw(p − y)² = Σwp² − 2Σwpy + Σwy, and Σw(y − p)(1 − 2p) = Σwy − 2Σwpy − Σwp + 2Σwp², since y² = y.
    double brier = (tpp - 2 * tpy + ty) / tw;
    double szNum = ty - 2 * tpy - tp + 2 * tpp;
    double szDen = totals[1] + totalsComp[1];
    double z = szDen > 0 ? szNum / Math.sqrt(szDen) : Double.NaN;
    return new CalibrationSnapshot(
        n,
        tw,
        ty,
        prevalence,
        brier,
        (totals[0] + totalsComp[0]) / tw,
        n == 0 ? Double.NaN : e.ece(),
        n == 0 ? Double.NaN : e.mce(),
        n == 0 ? Double.NaN : e.rmsce(),
        n == 0 ? Double.NaN : e.eceDebiased(),
        e.murphy(),
        z,
        tp > 0 ? ty / tp : Double.NaN,
        BinnedErrors.table(b, method, level));
  }

  private double value(int i) {
    return sums[i] + comp[i];
  }

  private int bin(double p) {
    int k = Arrays.binarySearch(edges, 1, bins, p);
    // Exact hit on an inner edge belongs to the bin above; otherwise the insertion point is the bin above p.
    return k >= 0 ? k : -k - 2;
  }

  /** Neumaier's compensated addition of {@code x} into {@code s[i]}, carrying the lost low bits in {@code c[i]}. */
  private static void add(double[] s, double[] c, int i, double x) {
    double sum = s[i];
    double t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) {
      c[i] += (sum - t) + x;
    } else {
      c[i] += (x - t) + sum;
    }
    s[i] = t;
  }
}
