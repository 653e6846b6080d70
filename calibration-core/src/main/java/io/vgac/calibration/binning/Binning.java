package io.vgac.calibration.binning;

import java.util.Arrays;
import java.util.Locale;

/**
 * How predictions are grouped into bins for binned calibration metrics.
 *
 * <ul>
 *   <li>{@link Uniform}: B equal-width bins; bin k holds k/B ≤ p &lt; (k+1)/B, the last bin also holds p = 1.
 *   <li>{@link ArraySplit}: the original papers' equal-mass binning — stable sort by p, then B consecutive chunks
 *       whose sizes differ by at most one row (the first N mod B chunks get the extra row). Ties may straddle chunks.
 *       With weights, chunks hold equal weight and a row on a boundary is split between two chunks, so integer
 *       weights give exactly the bins of duplicated rows.
 *   <li>{@link EqualMass}: quantile bins that never split tied scores: each of the B − 1 inner boundaries is moved to
 *       the tie-group boundary nearest its target mass, so heavy ties can leave fewer than B bins.
 *   <li>{@link Edges}: custom edges e₀ = 0 &lt; e₁ &lt; … &lt; e_B = 1, bins [e_k, e_{k+1}), the last closed.
 *   <li>{@link Distinct}: one bin per distinct score (the "discrete bins" of Kumar et al.).
 * </ul>
 */
public sealed interface Binning
    permits Binning.Uniform, Binning.ArraySplit, Binning.EqualMass, Binning.Edges, Binning.Distinct {

  int DEFAULT_BINS = 15;

  /** The number of bins requested (for {@link Distinct}: 0, as it depends on the data). */
  int bins();

  /** The CLI name of the scheme: {@code uniform}, {@code equal-mass}, {@code array-split}, {@code edges}, {@code distinct}. */
  String name();

  static Uniform uniform(int bins) {
    return new Uniform(bins);
  }

  static ArraySplit arraySplit(int bins) {
    return new ArraySplit(bins);
  }

  static EqualMass equalMass(int bins) {
    return new EqualMass(bins);
  }

  static Edges edges(double... edges) {
    return new Edges(edges);
  }

  static Distinct distinct() {
    return new Distinct();
  }

  /** Parses a CLI scheme name ({@code uniform|equal-mass|array-split}). */
  static Binning of(String name, int bins) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "uniform":
        return uniform(bins);
      case "equal-mass":
        return equalMass(bins);
      case "array-split":
        return arraySplit(bins);
      case "distinct":
        return distinct();
      default:
        throw new IllegalArgumentException(
            "Unknown binning: '" + name + "' (expected uniform, equal-mass, array-split or distinct)");
    }
  }

  private static int checkBins(int bins) {
    if (bins < 1 || bins > 1_000_000) {
      throw new IllegalArgumentException("bins must be in [1, 1000000] but was " + bins);
    }
    return bins;
  }

  /** Equal-width bins. */
  record Uniform(int bins) implements Binning {
    public Uniform {
      checkBins(bins);
    }

    @Override
    public String name() {
      return "uniform";
    }

    /** Lower edge of bin k, k/B correctly rounded. */
    public double edge(int k) {
      return (double) k / bins;
    }
  }

  /** The original papers' equal-count chunks of a stable sort. */
  record ArraySplit(int bins) implements Binning {
    public ArraySplit {
      checkBins(bins);
    }

    @Override
    public String name() {
      return "array-split";
    }
  }

  /** Quantile bins that never split tied scores. */
  record EqualMass(int bins) implements Binning {
    public EqualMass {
      checkBins(bins);
    }

    @Override
    public String name() {
      return "equal-mass";
    }
  }

  /** Custom edges covering [0, 1]. */
  record Edges(double[] edges) implements Binning {
    public Edges {
      edges = edges.clone();
      if (edges.length < 2) {
        throw new IllegalArgumentException("edges must hold at least 2 values but held " + edges.length);
      }
      if (edges[0] != 0.0 || edges[edges.length - 1] != 1.0) {
        throw new IllegalArgumentException(
            "edges must start at 0 and end at 1 but were " + edges[0] + " … " + edges[edges.length - 1]);
      }
      for (int i = 1; i < edges.length; i++) {
        if (!(edges[i] > edges[i - 1])) {
          throw new IllegalArgumentException(
              "edges must be strictly increasing but edge " + i + " = " + edges[i] + " ≤ " + edges[i - 1]);
        }
      }
    }

    @Override
    public double[] edges() {
      return edges.clone();
    }

    /** Lower edge of bin k (k = bins() gives 1). */
    public double edge(int k) {
      return edges[k];
    }

    @Override
    public int bins() {
      return edges.length - 1;
    }

    @Override
    public String name() {
      return "edges";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Edges e && Arrays.equals(edges, e.edges);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
      return "Edges" + Arrays.toString(edges);
    }
  }

  /** One bin per distinct score. */
  record Distinct() implements Binning {
    @Override
    public int bins() {
      return 0;
    }

    @Override
    public String name() {
      return "distinct";
    }
  }
}
