package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fits histogram binning (Zadrozny &amp; Elkan 2001): the probabilities are split into {@code B} bins and each bin
 * is mapped to its weighted observed rate {@code Σ w·y / Σ w}. A bin that received no weight maps to its midpoint
 * {@code (edges[k] + edges[k+1]) / 2} — a neutral guess that keeps the map inside the bin — and reports weight 0.
 *
 * <p>{@link Strategy#UNIFORM} bins have edges {@code k/B}. {@link Strategy#EQUAL_MASS} bins split the sorted
 * probabilities into {@code B} consecutive chunks whose row counts differ by at most one (the first {@code N mod B}
 * chunks get one extra row; weights are ignored for the split), with each inner edge halfway between the last
 * value of one chunk and the first of the next; rows tied across a chunk boundary all go to the upper bin. With
 * fewer rows than bins the trailing bins are empty and collapse onto edge 1.
 */
public final class HistogramBinning {
  /** How bin edges are chosen. */
  public enum Strategy {
    /** Equal-width bins {@code [k/B, (k+1)/B)}. */
    UNIFORM,
    /** Bins holding (nearly) equal numbers of training rows. */
    EQUAL_MASS
  }

  public static final int DEFAULT_BINS = 10;
  public static final Strategy DEFAULT_STRATEGY = Strategy.EQUAL_MASS;

  private static final HistogramBinning DEFAULTS = builder().build();

  private final int bins;
  private final Strategy strategy;

  private HistogramBinning(Builder b) {
    this.bins = b.bins;
    this.strategy = b.strategy;
  }

  public static HistogramBinning ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int bins() {
    return bins;
  }

  public Strategy strategy() {
    return strategy;
  }

  public HistogramCalibrator fit(double[] p, int[] labels) {
    return fit(p, labels, null);
  }

  /** Fits on probabilities and 0/1 labels; null weights mean unit weights. */
  public HistogramCalibrator fit(double[] p, int[] labels, double @Nullable [] weights) {
    return fit(TrainingData.ofProbabilities(p, labels, weights));
  }

  public HistogramCalibrator fit(Predictions predictions) {
    return fit(TrainingData.of(predictions));
  }

  private HistogramCalibrator fit(TrainingData data) {
    double[] edges = strategy == Strategy.UNIFORM ? uniformEdges() : equalMassEdges(data.x);
    double[] rates = new double[bins];
    double[] weights = new double[bins];
    // Assign with the fitted map's own rule, so training and prediction agree on every edge.
    HistogramCalibrator shape = new HistogramCalibrator(edges, rates, weights);
    double[] positive = new double[bins];
    for (int i = 0; i < data.size(); i++) {
      int k = shape.binOf(data.x[i]);
      weights[k] += data.w[i];
      positive[k] += data.w[i] * data.y[i];
    }
    for (int k = 0; k < bins; k++) {
      rates[k] = weights[k] > 0 ? Math.min(1.0, positive[k] / weights[k]) : 0.5 * (edges[k] + edges[k + 1]);
    }
    return new HistogramCalibrator(edges, rates, weights);
  }

  private double[] uniformEdges() {
    double[] edges = new double[bins + 1];
    for (int k = 0; k <= bins; k++) {
      edges[k] = (double) k / bins;
    }
    return edges;
  }

  private double[] equalMassEdges(double[] p) {
    double[] s = p.clone();
    Arrays.sort(s);
    int n = s.length;
    int base = n / bins;
    int extra = n % bins;
    double[] edges = new double[bins + 1];
    edges[bins] = 1.0;
    for (int k = 1; k < bins; k++) {
      int start = k * base + Math.min(k, extra); // first row of chunk k
      edges[k] = start >= n ? 1.0 : 0.5 * (s[start - 1] + s[start]);
    }
    return edges;
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private int bins = DEFAULT_BINS;
    private Strategy strategy = DEFAULT_STRATEGY;

    private Builder() {}

    public Builder bins(int bins) {
      if (bins < 1) {
        throw new IllegalArgumentException("bins must be ≥ 1 but was " + bins);
      }
      this.bins = bins;
      return this;
    }

    public Builder strategy(Strategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public HistogramBinning build() {
      return new HistogramBinning(this);
    }
  }
}
