package io.vgac.calibration.metrics;

import io.vgac.calibration.Probability;
import io.vgac.calibration.binning.BinInterval;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.binning.UniformBinIndex;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

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
  /**
   * Rows summed plainly before a block is folded into the compensated sums: per row only plain additions, and the
   * error stays that of one block (≤ 256 terms) however many rows arrive — compensated where it matters.
   */
  private static final int FLUSH_EVERY = 256;

  private final Binning binning;
  private final int bins;
  private final double[] edges; // edges 0..B; inner edges 1..B-1 for the bin search
  private final @Nullable UniformBinIndex uniformIndex;
  private final long[] counts;
  private final double[] sums; // [bin * FIELDS + field]
  private final double[] comp; // Neumaier compensation of sums
  private final double[] partial; // plain sums of the current block, folded into sums every FLUSH_EVERY rows
  private final double[] totals = new double[2]; // log loss, Spiegelhalter denominator
  private final double[] partialTotals = new double[2];
  private int pending;
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
    uniformIndex = binning instanceof Binning.Uniform u ? new UniformBinIndex(u.bins()) : null;
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
    partial = new double[bins * FIELDS];
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
    double[] s = partial;
    s[base + W] += w;
    s[base + P] += wp;
    s[base + PP] += wp * p;
    if (y != 0) {
      s[base + Y] += w;
      s[base + PY] += wp;
    }
    double clipped = Math.min(Math.max(p, logLossEpsilon), 1 - logLossEpsilon);
    partialTotals[0] -= w * Math.log(y != 0 ? clipped : 1 - clipped); // Math.log is an intrinsic; log1p is not
    double a = 1 - 2 * p;
    partialTotals[1] += w * a * a * p * (1 - p);
    if (++pending == FLUSH_EVERY) {
      flush();
    }
    counts[k]++;
    n++;
  }

  /** Adds {@code other}'s rows to this accumulator; both must use the same bins. Returns this. */
  public CalibrationAccumulator combine(CalibrationAccumulator other) {
    if (!binning.equals(other.binning)) {
      throw new IllegalArgumentException(
          "cannot combine accumulators with different bins: " + binning + " and " + other.binning);
    }
    flush();
    other.flush();
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

  /** The complete state (counts and compensated sums), for persistence; see {@link #restore}. */
  public AccumulatorState state() {
    flush();
    return new AccumulatorState(n, counts.clone(), sums.clone(), comp.clone(), totals.clone(), totalsComp.clone());
  }

  /**
   * Replaces this accumulator's rows with a saved state of an accumulator over the same bins. Validates the shape
   * and values first and changes nothing on failure.
   *
   * @throws IllegalArgumentException naming the inconsistent field
   */
  public void restore(AccumulatorState state) {
    long[] c = state.counts();
    if (c.length != bins) {
      throw new IllegalArgumentException("counts must hold " + bins + " bins but held " + c.length);
    }
    long total = 0;
    for (int k = 0; k < bins; k++) {
      if (c[k] < 0) {
        throw new IllegalArgumentException("counts[" + k + "] must be ≥ 0 but was " + c[k]);
      }
      total += c[k];
    }
    if (state.n() != total) {
      throw new IllegalArgumentException("n must equal the sum of counts (" + total + ") but was " + state.n());
    }
    double[] s = checkFinite("sums", state.sums(), sums.length);
    double[] sc = checkFinite("compensations", state.compensations(), comp.length);
    double[] t = checkFinite("totals", state.totals(), totals.length);
    double[] tc = checkFinite("totalsCompensations", state.totalsCompensations(), totalsComp.length);
    System.arraycopy(c, 0, counts, 0, bins);
    System.arraycopy(s, 0, sums, 0, s.length);
    System.arraycopy(sc, 0, comp, 0, sc.length);
    System.arraycopy(t, 0, totals, 0, t.length);
    System.arraycopy(tc, 0, totalsComp, 0, tc.length);
    Arrays.fill(partial, 0);
    Arrays.fill(partialTotals, 0);
    pending = 0;
    n = total;
  }

  private static double[] checkFinite(String field, double[] values, int length) {
    if (values.length != length) {
      throw new IllegalArgumentException(field + " must hold " + length + " values but held " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(field + "[" + i + "] must be finite but was " + values[i]);
      }
    }
    return values;
  }

  /** Folds the current block's plain sums into the compensated sums (the logical state does not change). */
  private void flush() {
    for (int i = 0; i < partial.length; i++) {
      if (partial[i] != 0) {
        add(sums, comp, i, partial[i]);
        partial[i] = 0;
      }
    }
    for (int i = 0; i < partialTotals.length; i++) {
      add(totals, totalsComp, i, partialTotals[i]);
      partialTotals[i] = 0;
    }
    pending = 0;
  }

  /** Forgets every row. */
  public void clear() {
    Arrays.fill(partial, 0);
    Arrays.fill(partialTotals, 0);
    pending = 0;
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
    flush();
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
    if (uniformIndex != null) {
      return uniformIndex.of(p);
    }
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
