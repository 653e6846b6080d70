package io.vgac.calibration.recalibration;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A fitted histogram-binning map: bin {@code k} holds {@code edges[k] ≤ p < edges[k+1]} (the last bin also holds
 * {@code p = 1}) and maps to {@code rates[k]}. Bins of zero width are allowed (equal-mass edges on tied
 * probabilities); a probability on a repeated edge falls into the last bin starting there.
 *
 * @param edges {@code B + 1} non-decreasing bin edges from 0 to 1 (copied)
 * @param rates {@code B} calibrated probabilities in {@code [0,1]}: the weighted observed rate of each bin, or the
 *     bin's midpoint when the bin held no weight (copied)
 * @param weights {@code B} total training weights per bin; 0 marks a bin whose rate is its midpoint (copied)
 */
public record HistogramCalibrator(double[] edges, double[] rates, double[] weights) implements Calibrator {

  public HistogramCalibrator {
    edges = edges.clone();
    rates = rates.clone();
    weights = weights.clone();
    int bins = rates.length;
    if (bins < 1) {
      throw new IllegalArgumentException("rates must hold at least one bin");
    }
    if (edges.length != bins + 1) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + edges.length + " edges but " + bins + " rates (need bins + 1 edges)");
    }
    if (weights.length != bins) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + bins + " rates but " + weights.length + " weights");
    }
    if (edges[0] != 0.0 || edges[bins] != 1.0) {
      throw new IllegalArgumentException(
          "edges must run from 0 to 1 but were " + edges[0] + " … " + edges[bins]);
    }
    for (int k = 1; k <= bins; k++) {
      if (!(edges[k] >= edges[k - 1])) {
        throw new IllegalArgumentException(
            "edges must be non-decreasing: " + edges[k] + " at index " + k + " after " + edges[k - 1]);
      }
    }
    for (int k = 0; k < bins; k++) {
      if (!(rates[k] >= 0.0 && rates[k] <= 1.0)) {
        throw new IllegalArgumentException("Not a probability: " + rates[k] + " at index " + k);
      }
      if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
        throw new IllegalArgumentException("Not a finite non-negative weight: " + weights[k] + " at index " + k);
      }
    }
  }

  /** A copy of the edges. */
  @Override
  public double[] edges() {
    return edges.clone();
  }

  /** A copy of the per-bin calibrated probabilities. */
  @Override
  public double[] rates() {
    return rates.clone();
  }

  /** A copy of the per-bin training weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** Number of bins. */
  public int bins() {
    return rates.length;
  }

  /** The bin holding {@code p}: the largest {@code k < B} with {@code edges[k] ≤ p}. */
  public int binOf(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    int lo = 0;
    int hi = rates.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (edges[mid] <= p) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public double calibrate(double p) {
    return rates[binOf(p)];
  }

  @Override
  public String method() {
    return CalibrationMethod.HISTOGRAM.id();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof HistogramCalibrator other
        && Arrays.equals(edges, other.edges)
        && Arrays.equals(rates, other.rates)
        && Arrays.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(edges) + Arrays.hashCode(rates)) + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "HistogramCalibrator[edges=" + Arrays.toString(edges) + ", rates=" + Arrays.toString(rates)
        + ", weights=" + Arrays.toString(weights) + "]";
  }
}
