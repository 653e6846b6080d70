package io.vgac.calibration.binning;

/**
 * The bin of a probability under {@link Binning.Uniform} in O(1): k/B ≤ p &lt; (k+1)/B with the edges as the
 * correctly rounded doubles k/B (the convention of the batch report), p = 1 in the last bin. One multiply, then at
 * most one step to undo its rounding; shared by every streaming path so that they bin exactly as the batch code does.
 */
public final class UniformBinIndex {
  private final int bins;
  private final double[] edges;

  public UniformBinIndex(int bins) {
    Binning.Uniform u = Binning.uniform(bins);
    this.bins = bins;
    this.edges = new double[bins + 1];
    for (int k = 0; k <= bins; k++) {
      edges[k] = u.edge(k);
    }
  }

  public int bins() {
    return bins;
  }

  /** The bin of a validated probability p ∈ [0, 1]. */
  public int of(double p) {
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
