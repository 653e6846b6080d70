package io.vgac.calibration.drift;

import java.util.Arrays;

/**
 * Population stability index of a current score sample against a reference sample:
 * {@code PSI = Σ_k (c_k − r_k)·ln(c_k / r_k)} over bins cut at the reference's quantiles.
 *
 * <p>Bins: the B − 1 interior edges are the reference quantiles at k/B (linear interpolation between order
 * statistics, numpy's default); bin k holds scores s with {@code edge_k ≤ s < edge_{k+1}}, the first bin is open
 * to −∞ and the last to +∞, so no current score falls outside. Proportions below ε are raised to ε (default
 * 1e-6) so that an empty bin contributes a large but finite term; bins with equal proportions contribute exactly
 * 0, so {@code PSI(a, a) = 0}. PSI is ≥ 0 (each term is), and does not depend on the order of either sample.
 *
 * <p>An empty sample gives NaN with {@link PsiBand#INSUFFICIENT_DATA}. Immutable and thread-safe.
 */
public final class PopulationStabilityIndex {
  private static final PopulationStabilityIndex DEFAULTS = new PopulationStabilityIndex(PsiConfig.ofDefaults());

  private final PsiConfig config;

  public PopulationStabilityIndex(PsiConfig config) {
    this.config = config;
  }

  /** 10 reference-quantile bins, ε = 1e-6, bands 0.1 / 0.25. */
  public static PopulationStabilityIndex ofDefaults() {
    return DEFAULTS;
  }

  public PsiConfig config() {
    return config;
  }

  /**
   * PSI of {@code current} against {@code reference}. Neither array is modified.
   *
   * @throws IllegalArgumentException when a score is NaN or infinite, naming the sample, index and value
   */
  public PsiResult compute(double[] reference, double[] current) {
    checkFinite(reference, "reference");
    checkFinite(current, "current");
    if (reference.length == 0 || current.length == 0) {
      return new PsiResult(Double.NaN, PsiBand.INSUFFICIENT_DATA, reference.length, current.length);
    }
    double[] edges = quantileEdges(reference, config.bins());
    double[] r = proportions(reference, edges);
    double[] c = proportions(current, edges);
    double psi = 0;
    for (int k = 0; k < r.length; k++) {
      double rk = Math.max(r[k], config.epsilon());
      double ck = Math.max(c[k], config.epsilon());
      psi += (ck - rk) * Math.log(ck / rk);
    }
    return new PsiResult(psi, config.band(psi), reference.length, current.length);
  }

  /** Interior edges at the k/B quantiles, k = 1 … B−1, by linear interpolation. */
  private static double[] quantileEdges(double[] sample, int bins) {
    double[] sorted = sample.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double[] edges = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      double h = (n - 1) * (double) k / bins;
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      edges[k - 1] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
    return edges;
  }

  private static double[] proportions(double[] sample, double[] edges) {
    double[] counts = new double[edges.length + 1];
    for (double s : sample) {
      counts[binOf(s, edges)]++;
    }
    for (int k = 0; k < counts.length; k++) {
      counts[k] /= sample.length;
    }
    return counts;
  }

  /** Number of edges ≤ s (edges are sorted). */
  private static int binOf(double s, double[] edges) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkFinite(double[] sample, String name) {
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException(
            "Not a finite score: " + sample[i] + " at index " + i + " of the " + name + " sample");
      }
    }
  }
}
