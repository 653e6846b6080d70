package io.vgac.calibration.metrics;

import java.util.Arrays;

/**
 * The complete state of a {@link CalibrationAccumulator}, for persistence: per-bin row counts, the per-bin
 * compensated sums (bin-major, 5 fields per bin: Σw, Σwp, Σwy, Σwp², Σwpy) with their compensations, and the two
 * compensated totals (log loss, Spiegelhalter denominator).
 */
public record AccumulatorState(
    long n, long[] counts, double[] sums, double[] compensations, double[] totals, double[] totalsCompensations) {

  public AccumulatorState {
    counts = counts.clone();
    sums = sums.clone();
    compensations = compensations.clone();
    totals = totals.clone();
    totalsCompensations = totalsCompensations.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public double[] sums() {
    return sums.clone();
  }

  @Override
  public double[] compensations() {
    return compensations.clone();
  }

  @Override
  public double[] totals() {
    return totals.clone();
  }

  @Override
  public double[] totalsCompensations() {
    return totalsCompensations.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccumulatorState s
        && n == s.n
        && Arrays.equals(counts, s.counts)
        && Arrays.equals(sums, s.sums)
        && Arrays.equals(compensations, s.compensations)
        && Arrays.equals(totals, s.totals)
        && Arrays.equals(totalsCompensations, s.totalsCompensations);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(n) * 31 + Arrays.hashCode(sums);
  }

  @Override
  public String toString() {
    return "AccumulatorState[n=" + n + ", counts=" + Arrays.toString(counts) + "]";
  }
}
