package io.vgac.calibration.drift;

import java.util.Arrays;

/**
 * ADWIN2 (Bifet &amp; Gavaldà, "Learning from time-changing data with adaptive windowing", SDM 2007): keeps the
 * longest recent window whose mean is statistically consistent with "no change", and flags a change whenever
 * it drops its oldest part.
 *
 * <p>This is a behavioural re-implementation of MOA 2024.07.0's {@code ADWIN} as driven by
 * {@code ADWINChangeDetector}, so that it flags change at exactly the same items: the window is an exponential
 * histogram (row {@code i} holds up to M buckets of 2<sup>i</sup> items, a full row of M+1 merges its two oldest
 * buckets into the next row); every {@code clock} items, once the window holds more than
 * {@code minWindowLength} items, every boundary between buckets is tested from the oldest, and while a boundary
 * splits the window into W0 (older, n0 items) and W1 (newer, n1 items) with n0, n1 &gt; minSubWindowLength + 1 and
 * <pre>
 *   |mean(W0) − mean(W1)| &gt; sqrt(2·m·σ²·dd) + (2/3)·dd·m,
 *   dd = ln(2·ln(W)/δ),  m = 1/(n0 − minSub + 1) + 1/(n1 − minSub + 1),  σ² = variance of the whole window,
 * </pre>
 * the oldest bucket is dropped and the scan restarts. {@link #update(double)} returns true when at least one
 * bucket was dropped at this item. Unlike MOA the sizes are {@code long} and the merge/delete variance terms are
 * computed in {@code double}, so very long windows cannot overflow; results are identical otherwise.
 *
 * <p>Memory is O(M·log W): bucket rows live in flat arrays that grow only when the window doubles past their
 * capacity; {@link #update(double)} does not allocate otherwise. Mutable and not thread-safe.
 */
public final class Adwin implements ChangeDetector {
  private static final int INITIAL_ROWS = 8;

  private final AdwinConfig config;
  private final int rowStride; // M + 1 slots per row: a row may hold M + 1 buckets until it is compressed

  // Row r's bucket k (k = 0 is the oldest in the row) lives at r * rowStride + k. Row 0 holds single items.
  private double[] bucketSum;
  private double[] bucketVariance; // sum of squared deviations from the bucket mean
  private int[] rowLength;
  private int rows;

  private long width;
  private double sum;
  private double variance; // sum of squared deviations from the window mean
  private long time;
  private int untilCheck; // items left before the next cut test: a countdown instead of a division per item
  private long detections;

  public Adwin(AdwinConfig config) {
    this.config = config;
    this.rowStride = config.maxBuckets() + 1;
    this.bucketSum = new double[INITIAL_ROWS * rowStride];
    this.bucketVariance = new double[INITIAL_ROWS * rowStride];
    this.rowLength = new int[INITIAL_ROWS];
    reset();
  }

  /** ADWIN with MOA's defaults ({@link AdwinConfig#ofDefaults()}). */
  public static Adwin ofDefaults() {
    return new Adwin(AdwinConfig.ofDefaults());
  }

  public AdwinConfig config() {
    return config;
  }

  @Override
  public boolean update(double x) {
    ChangeDetector.checkFinite(x);
    time++;
    insert(x);
    boolean changed = false;
    if (--untilCheck == 0) {
      untilCheck = config.clock();
    }
    if (untilCheck == config.clock() && width > config.minWindowLength()) {
      boolean cut = true;
      while (cut) {
        cut = shrinkOnce();
        changed |= cut;
      }
    }
    if (changed) {
      detections++;
    }
    return changed;
  }

  /** Scans the bucket boundaries from the oldest; drops the oldest bucket at the first significant cut. */
  private boolean shrinkOnce() {
    long n0 = 0;
    long n1 = width;
    double u0 = 0;
    double u1 = sum;
    // The window's size and variance are fixed during one scan: the bound's logarithms are computed once per scan,
    // not per boundary (same operations, so the same bits as MOA's per-boundary computation).
    double dd = Math.log(2 * Math.log((double) width) / config.delta());
    double v = variance / width;
    int minSub = config.minSubWindowLength();
    for (int r = rows - 1; r >= 0; r--) {
      long size = 1L << r;
      int len = rowLength[r];
      int base = r * rowStride;
      for (int k = 0; k < len; k++) {
        n0 += size;
        n1 -= size;
        u0 += bucketSum[base + k];
        u1 -= bucketSum[base + k];
        if (r == 0 && k == len - 1) {
          return false; // W1 would be empty
        }
        double difference = (u0 / n0) - (u1 / n1);
        if (n1 > minSub + 1 && n0 > minSub + 1 && isCut(n0, n1, difference, dd, v, minSub)) {
          deleteOldestBucket();
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isCut(long n0, long n1, double difference, double dd, double v, int minSub) {
    // Same operation order as MOA so that borderline comparisons round identically.
    double m = 1.0 / (n0 - minSub + 1) + 1.0 / (n1 - minSub + 1);
    double epsilon = Math.sqrt(2 * m * v * dd) + 2.0 / 3 * dd * m;
    return Math.abs(difference) > epsilon;
  }

  private void insert(double x) {
    width++;
    appendBucket(0, x, 0.0);
    if (width > 1) {
      double d = x - sum / (width - 1);
      variance += (double) (width - 1) * d * d / width;
    }
    sum += x;
    compress();
  }

  /** Merges the two oldest buckets of every full row into the next row, cascading. */
  private void compress() {
    int full = config.maxBuckets() + 1;
    for (int r = 0; r < rows && rowLength[r] == full; r++) {
      if (r + 1 == rows) {
        addRow();
      }
      int base = r * rowStride;
      double size = (double) (1L << r);
      double mean0 = bucketSum[base] / size;
      double mean1 = bucketSum[base + 1] / size;
      double between = size * size * (mean0 - mean1) * (mean0 - mean1) / (size + size);
      appendBucket(
          r + 1,
          bucketSum[base] + bucketSum[base + 1],
          bucketVariance[base] + bucketVariance[base + 1] + between);
      removeOldest(r, 2);
    }
  }

  private void deleteOldestBucket() {
    int r = rows - 1;
    int base = r * rowStride;
    long size = 1L << r;
    width -= size;
    sum -= bucketSum[base];
    double mean = bucketSum[base] / size;
    double d = mean - sum / width;
    variance -= bucketVariance[base] + (double) size * width * d * d / (size + width);
    removeOldest(r, 1);
    if (rowLength[r] == 0) {
      rows--;
    }
  }

  private void appendBucket(int r, double bucketTotal, double bucketVar) {
    int slot = r * rowStride + rowLength[r];
    bucketSum[slot] = bucketTotal;
    bucketVariance[slot] = bucketVar;
    rowLength[r]++;
  }

  private void removeOldest(int r, int howMany) {
    int base = r * rowStride;
    int remaining = rowLength[r] - howMany;
    // Rows hold at most M + 1 buckets: a plain loop beats System.arraycopy's call overhead at this size.
    for (int i = 0; i < remaining; i++) {
      bucketSum[base + i] = bucketSum[base + howMany + i];
      bucketVariance[base + i] = bucketVariance[base + howMany + i];
    }
    rowLength[r] = remaining;
  }

  private void addRow() {
    if (rows == rowLength.length) {
      // Only when the window has doubled past the capacity: amortised, never per item.
      int capacity = rowLength.length * 2;
      rowLength = Arrays.copyOf(rowLength, capacity);
      bucketSum = Arrays.copyOf(bucketSum, capacity * rowStride);
      bucketVariance = Arrays.copyOf(bucketVariance, capacity * rowStride);
    }
    rowLength[rows] = 0;
    rows++;
  }

  @Override
  public void reset() {
    Arrays.fill(rowLength, 0);
    rows = 1;
    width = 0;
    sum = 0;
    variance = 0;
    time = 0;
    untilCheck = config.clock();
    detections = 0;
  }

  /** The complete mutable state, for persistence; {@link #restore} makes a detector continue identically. */
  public AdwinState state() {
    int[] lengths = Arrays.copyOf(rowLength, rows);
    int total = 0;
    for (int len : lengths) {
      total += len;
    }
    double[] sums = new double[total];
    double[] variances = new double[total];
    int j = 0;
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bucketSum, r * rowStride, sums, j, rowLength[r]);
      System.arraycopy(bucketVariance, r * rowStride, variances, j, rowLength[r]);
      j += rowLength[r];
    }
    return new AdwinState(lengths, sums, variances, width, sum, variance, time, detections);
  }

  /**
   * Replaces this detector's state with {@code state} (taken from a detector with the same configuration).
   * Validates everything first (bucket rows within the configured size, widths adding up) and changes nothing on
   * failure.
   *
   * @throws IllegalArgumentException naming the inconsistent field
   */
  public void restore(AdwinState state) {
    int[] lengths = state.rowLengths();
    if (lengths.length < 1 || lengths.length > 62) {
      throw new IllegalArgumentException("rowLengths must hold 1 to 62 rows but held " + lengths.length);
    }
    long items = 0;
    int total = 0;
    for (int r = 0; r < lengths.length; r++) {
      if (lengths[r] < 0 || lengths[r] > config.maxBuckets()) {
        throw new IllegalArgumentException(
            "rowLengths[" + r + "] must be in [0, " + config.maxBuckets() + "] but was " + lengths[r]);
      }
      items += (long) lengths[r] << r;
      total += lengths[r];
    }
    double[] sums = state.bucketSums();
    double[] variances = state.bucketVariances();
    if (sums.length != total || variances.length != total) {
      throw new IllegalArgumentException("bucketSums and bucketVariances must hold " + total
          + " values (the sum of rowLengths) but held " + sums.length + " and " + variances.length);
    }
    if (state.width() != items) {
      throw new IllegalArgumentException(
          "width must equal the items in the buckets (" + items + ") but was " + state.width());
    }
    if (!(state.time() >= state.width()) || !(state.detections() >= 0 && state.detections() <= state.time())) {
      throw new IllegalArgumentException("time must be ≥ width (" + state.width() + ") and detections in [0, time]"
          + " but were " + state.time() + " and " + state.detections());
    }
    if (!Double.isFinite(state.sum()) || !(state.variance() >= 0) || Double.isInfinite(state.variance())) {
      throw new IllegalArgumentException(
          "sum must be finite and variance finite and ≥ 0 but were " + state.sum() + " and " + state.variance());
    }
    for (int i = 0; i < total; i++) {
      if (!Double.isFinite(sums[i]) || !Double.isFinite(variances[i])) {
        throw new IllegalArgumentException(
            "bucket " + i + " must be finite but was " + sums[i] + " / " + variances[i]);
      }
    }
    int capacity = Math.max(INITIAL_ROWS, Integer.highestOneBit(lengths.length) * 2);
    rowLength = new int[capacity];
    bucketSum = new double[capacity * rowStride];
    bucketVariance = new double[capacity * rowStride];
    int j = 0;
    for (int r = 0; r < lengths.length; r++) {
      System.arraycopy(sums, j, bucketSum, r * rowStride, lengths[r]);
      System.arraycopy(variances, j, bucketVariance, r * rowStride, lengths[r]);
      rowLength[r] = lengths[r];
      j += lengths[r];
    }
    rows = lengths.length;
    width = state.width();
    sum = state.sum();
    variance = state.variance();
    time = state.time();
    untilCheck = (int) (config.clock() - time % config.clock());
    detections = state.detections();
  }

  @Override
  public long count() {
    return time;
  }

  /** Mean of the current window; NaN when the window is empty. */
  @Override
  public double estimate() {
    return width == 0 ? Double.NaN : sum / width;
  }

  /** Number of items in the current window. */
  public long width() {
    return width;
  }

  /** Sum of the items in the current window. */
  public double sum() {
    return sum;
  }

  /** Population variance of the items in the current window; NaN when the window is empty. */
  public double variance() {
    return width == 0 ? Double.NaN : variance / width;
  }

  /** Number of items at which a change was flagged since construction or the last reset. */
  public long detections() {
    return detections;
  }

  @Override
  public String toString() {
    return "Adwin[width=" + width + ", mean=" + estimate() + ", count=" + time + "]";
  }
}
