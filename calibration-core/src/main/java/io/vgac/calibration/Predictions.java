package io.vgac.calibration;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Validated binary predictions: probabilities {@code p ∈ [0,1]}, outcomes {@code y ∈ {0,1}} and optional
 * non-negative sample weights. Immutable: the arrays are copied in, and accessors hand out the internal arrays
 * only to this library's own code through {@link #probabilitiesUnsafe()} and friends.
 *
 * <p>Every factory validates every element and names the first offending index and value, e.g.
 * {@code "Not a probability: NaN at index 17"}.
 */
public final class Predictions {
  private final double[] p;
  private final byte[] y;
  private final double @Nullable [] w;
  private final int positives;

  private Predictions(double[] p, byte[] y, double @Nullable [] w, int positives) {
    this.p = p;
    this.y = y;
    this.w = w;
    this.positives = positives;
  }

  /** Unweighted predictions. */
  public static Predictions of(double[] probabilities, int[] labels) {
    return of(probabilities, labels, null);
  }

  /** Weighted predictions; {@code weights} may be null for unit weights. */
  public static Predictions of(double[] probabilities, int[] labels, double @Nullable [] weights) {
    byte[] y = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      y[i] = (byte) Probability.checkLabel(labels[i], i);
    }
    return wrap(probabilities.clone(), y, weights == null ? null : weights.clone());
  }

  /**
   * Takes ownership of the arrays without copying (for readers that built them for this purpose). The arrays must
   * not be modified afterwards.
   */
  public static Predictions wrap(double[] probabilities, byte[] labels, double @Nullable [] weights) {
    int n = probabilities.length;
    if (n == 0) {
      throw new IllegalArgumentException("Empty input: at least one prediction is required");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + n + " probabilities but " + labels.length + " labels");
    }
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + n + " probabilities but " + weights.length + " weights");
    }
    int positives = 0;
    for (int i = 0; i < n; i++) {
      Probability.check(probabilities[i], i);
      positives += Probability.checkLabel(labels[i], i);
    }
    if (weights != null) {
      Probability.checkWeights(weights);
    }
    return new Predictions(probabilities, labels, weights, positives);
  }

  public int size() {
    return p.length;
  }

  /** Count of rows with outcome 1 (unweighted). */
  public int positives() {
    return positives;
  }

  public boolean isWeighted() {
    return w != null;
  }

  public double probability(int i) {
    return p[i];
  }

  public int label(int i) {
    return y[i];
  }

  public double weight(int i) {
    return w == null ? 1.0 : w[i];
  }

  /** A copy of the probabilities. */
  public double[] probabilities() {
    return p.clone();
  }

  /** A copy of the labels. */
  public int[] labels() {
    int[] out = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i];
    }
    return out;
  }

  /** The internal array; callers inside the library must not modify it. */
  public double[] probabilitiesUnsafe() {
    return p;
  }

  /** The internal array; callers inside the library must not modify it. */
  public byte[] labelsUnsafe() {
    return y;
  }

  /** The internal array or null for unit weights; callers inside the library must not modify it. */
  public double @Nullable [] weightsUnsafe() {
    return w;
  }

  @Override
  public String toString() {
    return "Predictions[n=" + p.length + ", positives=" + positives + ", weighted=" + (w != null) + "]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Predictions other
        && Arrays.equals(p, other.p)
        && Arrays.equals(y, other.y)
        && Arrays.equals(w, other.w);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(p) + Arrays.hashCode(y);
  }
}
