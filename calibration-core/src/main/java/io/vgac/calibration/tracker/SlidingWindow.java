package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.UniformBinIndex;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The last N outcomes as ring buffers, with the window's ECE maintained in O(1) per row.
 *
 * <p>Per uniform bin the window keeps {@code d_b = Σ (p − y)} and the row count; with unit weights the ECE is
 * {@code Σ_b |d_b| / N}, so adding a row and evicting the oldest each touch one bin and one running total. The
 * sums are kept in fixed point (units of 2⁻⁴⁰): adding a row and later subtracting the same row cancels exactly,
 * so the window's numbers never drift, whatever the number of updates, and they are a pure function of the rows
 * in the window (a restored window has bit-identical sums). The quantisation error is below 5·10⁻¹³ per row; with
 * at most 2²² rows the sums cannot overflow.
 *
 * <p>The buffers start small and double up to the capacity, so a quiet environment costs little memory; once full,
 * adding a row does not allocate. Not thread-safe (the tracker guards it).
 */
final class SlidingWindow {
  static final double SCALE = 0x1p40;
  private static final int INITIAL_CAPACITY = 64;

  private final int capacity;
  private final UniformBinIndex index;
  private final boolean timed;
  private double[] p;
  private byte[] y;
  private long @Nullable [] time;
  private int head; // index of the oldest row
  private int size;
  private final long[] diff; // fixed-point Σ(p − y) per bin
  private final int[] count;
  private long absSum; // Σ_b |diff_b|
  private long signedSum; // Σ_b diff_b

  SlidingWindow(int capacity, int bins, boolean timed) {
    this.capacity = capacity;
    this.index = new UniformBinIndex(bins);
    this.timed = timed;
    int initial = Math.min(capacity, INITIAL_CAPACITY);
    this.p = new double[initial];
    this.y = new byte[initial];
    this.time = timed ? new long[initial] : null;
    this.diff = new long[bins];
    this.count = new int[bins];
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == capacity;
  }

  /** Adds a validated row, evicting the oldest when full. */
  void add(double pv, int yv, long t) {
    if (size == capacity) {
      evictOldest();
    } else if (size == p.length) {
      grow();
    }
    int slot = head + size;
    if (slot >= p.length) {
      slot -= p.length;
    }
    p[slot] = pv;
    y[slot] = (byte) yv;
    long[] ts = time;
    if (ts != null) {
      ts[slot] = t;
    }
    size++;
    apply(pv, yv, 1);
  }

  /** Evicts rows whose time is before {@code cutoff}; returns how many. */
  int evictBefore(long cutoff) {
    long[] ts = time;
    if (ts == null) {
      return 0;
    }
    int evicted = 0;
    while (size > 0 && ts[head] < cutoff) {
      evictOldest();
      evicted++;
    }
    return evicted;
  }

  void clear() {
    head = 0;
    size = 0;
    Arrays.fill(diff, 0);
    Arrays.fill(count, 0);
    absSum = 0;
    signedSum = 0;
  }

  private void evictOldest() {
    apply(p[head], y[head], -1);
    head++;
    if (head == p.length) {
      head = 0;
    }
    size--;
  }

  private void apply(double pv, int yv, int sign) {
    int k = index.of(pv);
    long d = (long) (pv * SCALE + 0.5) - (yv != 0 ? (long) SCALE : 0L); // Math.round for pv ≥ 0, cheaper
    long before = diff[k];
    long after = sign > 0 ? before + d : before - d;
    diff[k] = after;
    count[k] += sign;
    absSum += Math.abs(after) - Math.abs(before);
    signedSum += sign > 0 ? d : -d;
  }

  private void grow() {
    int next = (int) Math.min((long) capacity, 2L * p.length);
    double[] np = new double[next];
    byte[] ny = new byte[next];
    long[] nt = timed ? new long[next] : null;
    for (int i = 0; i < size; i++) {
      int from = (head + i) % p.length;
      np[i] = p[from];
      ny[i] = y[from];
      if (nt != null && time != null) {
        nt[i] = time[from];
      }
    }
    p = np;
    y = ny;
    time = nt;
    head = 0;
  }

  /** ECE of the window's rows (NaN when empty). */
  double ece() {
    return size == 0 ? Double.NaN : absSum / SCALE / size;
  }

  /** Mean of p − y over the window: positive when predictions are too high. NaN when empty. */
  double meanSignedError() {
    return size == 0 ? Double.NaN : signedSum / SCALE / size;
  }

  /** Σ_b |d_b| / Σ |d_b| share of the signed total: near 1 when all bins err the same way. */
  double directionalShare() {
    return absSum == 0 ? 0 : Math.abs((double) signedSum) / absSum;
  }

  /** The analytic (Hoeffding/union) upper bound's slack for the window's bin counts. */
  double analyticSlack(double level) {
    return EceBounds.analyticSlack(count, size, level);
  }

  /** The window's probabilities, oldest first. */
  double[] probabilities() {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = p[(head + i) % p.length];
    }
    return out;
  }

  /** The window's labels, oldest first. */
  int[] labels() {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = y[(head + i) % p.length];
    }
    return out;
  }

  /** The window's times, oldest first (empty when untimed). */
  long[] times() {
    long[] ts = time;
    if (ts == null) {
      return new long[0];
    }
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = ts[(head + i) % p.length];
    }
    return out;
  }

  /** Approximate heap bytes of the buffers and sums. */
  long bytes() {
    long b = 16L + p.length * 8L + 16 + y.length + 16 + diff.length * 8L + 16 + count.length * 4L + 64;
    if (time != null) {
      b += 16 + time.length * 8L;
    }
    return b;
  }
}
