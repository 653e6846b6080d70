package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.Binning;

/**
 * The bin of a probability among B uniform bins, exactly as {@link Binning.Uniform} defines them (k/B ≤ p &lt;
 * (k+1)/B with correctly rounded edges, last bin closed): a multiplication guesses the bin and one comparison with
 * each neighbouring edge corrects the rare rounding miss, so no binary search is needed.
 */
final class BinIndex {
  private final int bins;
  private final double[] edges;

  BinIndex(int bins) {
    Binning.Uniform u = Binning.uniform(bins);
    this.bins = bins;
    this.edges = new double[bins + 1];
    for (int k = 0; k <= bins; k++) {
      edges[k] = u.edge(k);
    }
  }

  int bins() {
    return bins;
  }

  int of(double p) {
    int k = (int) (p * bins);
    if (k >= bins) {
      k = bins - 1;
    }
    if (k + 1 < bins && p >= edges[k + 1]) {
      k++;
    } else if (k > 0 && p < edges[k]) {
      k--;
    }
    return k;
  }
}
