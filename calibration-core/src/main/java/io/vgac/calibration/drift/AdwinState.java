package io.vgac.calibration.drift;

import java.util.Arrays;

/**
 * The complete mutable state of an {@link Adwin} detector, for persistence: the exponential histogram row by row
 * (row r holds buckets of 2<sup>r</sup> items, oldest first) and the window totals.
 *
 * @param rowLengths buckets per row
 * @param bucketSums the bucket sums, row after row, oldest first within a row
 * @param bucketVariances the buckets' sums of squared deviations, in the same order
 * @param width items in the window
 * @param sum sum of the window's items
 * @param variance sum of squared deviations from the window mean
 * @param time items seen since the last reset
 * @param detections changes flagged since the last reset
 */
public record AdwinState(
    int[] rowLengths,
    double[] bucketSums,
    double[] bucketVariances,
    long width,
    double sum,
    double variance,
    long time,
    long detections) {

  public AdwinState {
    rowLengths = rowLengths.clone();
    bucketSums = bucketSums.clone();
    bucketVariances = bucketVariances.clone();
  }

  @Override
  public int[] rowLengths() {
    return rowLengths.clone();
  }

  @Override
  public double[] bucketSums() {
    return bucketSums.clone();
  }

  @Override
  public double[] bucketVariances() {
    return bucketVariances.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AdwinState s
        && Arrays.equals(rowLengths, s.rowLengths)
        && Arrays.equals(bucketSums, s.bucketSums)
        && Arrays.equals(bucketVariances, s.bucketVariances)
        && width == s.width
        && Double.compare(sum, s.sum) == 0
        && Double.compare(variance, s.variance) == 0
        && time == s.time
        && detections == s.detections;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bucketSums) * 31 + Long.hashCode(time);
  }

  @Override
  public String toString() {
    return "AdwinState[rows=" + Arrays.toString(rowLengths) + ", width=" + width + ", sum=" + sum + ", time=" + time
        + ", detections=" + detections + "]";
  }
}
