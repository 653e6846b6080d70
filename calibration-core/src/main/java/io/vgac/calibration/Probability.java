package io.vgac.calibration;

/** Argument checks shared by every entry point that accepts a probability or a label. */
public final class Probability {
  private Probability() {}

  /** Returns {@code p} when it is a probability; otherwise throws naming the index and the value. */
  public static double check(double p, int index) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p + " at index " + index);
    }
    return p;
  }

  /** Returns {@code p} when it is a probability; otherwise throws naming the value. */
  public static double check(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    return p;
  }

  /** Returns {@code y} when it is 0 or 1; otherwise throws naming the index and the value. */
  public static int checkLabel(int y, int index) {
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("Not a 0/1 label: " + y + " at index " + index);
    }
    return y;
  }

  /**
   * Checks frequency weights: each finite and non-negative, with a positive, finite total. Throws naming the first
   * offending index and value.
   */
  public static void checkWeights(double[] weights) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      double wi = weights[i];
      if (!(wi >= 0) || Double.isInfinite(wi)) {
        throw new IllegalArgumentException("Not a finite non-negative weight: " + wi + " at index " + i);
      }
      total += wi;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("All weights are zero: at least one positive weight is required");
    }
    if (Double.isInfinite(total)) {
      throw new IllegalArgumentException("Total weight overflows: " + total);
    }
  }

  /** Returns {@code y} when it is 0 or 1; otherwise throws naming the value. */
  public static int checkLabel(int y) {
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("Not a 0/1 label: " + y);
    }
    return y;
  }
}
