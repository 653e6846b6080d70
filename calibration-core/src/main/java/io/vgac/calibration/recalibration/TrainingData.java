package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.Probability;
import org.jspecify.annotations.Nullable;

/**
 * Validated fitting input shared by the fitters: inputs {@code x} (probabilities or scores), 0/1 labels and
 * weights (unit weights materialised). Arrays are private copies.
 */
final class TrainingData {
  final double[] x;
  final byte[] y;
  final double[] w;
  final boolean weighted;
  final double totalWeight;
  final double positiveWeight;

  private TrainingData(double[] x, byte[] y, double[] w, boolean weighted) {
    this.x = x;
    this.y = y;
    this.w = w;
    this.weighted = weighted;
    double total = 0;
    double pos = 0;
    for (int i = 0; i < x.length; i++) {
      total += w[i];
      if (y[i] == 1) {
        pos += w[i];
      }
    }
    this.totalWeight = total;
    this.positiveWeight = pos;
  }

  int size() {
    return x.length;
  }

  /** Probabilities in [0,1]. */
  static TrainingData ofProbabilities(double[] p, int[] labels, double @Nullable [] weights) {
    return of(p, labels, weights, true);
  }

  /** Finite scores of any sign and size. */
  static TrainingData ofScores(double[] scores, int[] labels, double @Nullable [] weights) {
    return of(scores, labels, weights, false);
  }

  static TrainingData of(Predictions predictions) {
    int n = predictions.size();
    byte[] y = predictions.labelsUnsafe().clone();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = predictions.weight(i);
    }
    return new TrainingData(predictions.probabilities(), y, w, predictions.isWeighted());
  }

  private static TrainingData of(
      double[] x, int[] labels, double @Nullable [] weights, boolean probabilities) {
    String what = probabilities ? "probabilities" : "scores";
    int n = x.length;
    if (n == 0) {
      throw new IllegalArgumentException("Empty input: at least one prediction is required");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + n + " " + what + " but " + labels.length + " labels");
    }
    if (weights != null && weights.length != n) {
      throw new IllegalArgumentException(
          "Mismatched lengths: " + n + " " + what + " but " + weights.length + " weights");
    }
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      double v = x[i];
      if (probabilities) {
        if (!(v >= 0.0 && v <= 1.0)) {
          throw new IllegalArgumentException("Not a probability: " + v + " at index " + i);
        }
      } else if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Not a finite score: " + v + " at index " + i);
      }
      y[i] = (byte) Probability.checkLabel(labels[i], i);
    }
    double[] w = weights == null ? unitWeights(n) : checkWeights(weights);
    return new TrainingData(x.clone(), y, w, weights != null);
  }

  /** Validates weights (finite, non-negative, positive total) and returns a copy. */
  static double[] checkWeights(double[] weights) {
    Probability.checkWeights(weights);
    return weights.clone();
  }

  static double[] unitWeights(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }
}
