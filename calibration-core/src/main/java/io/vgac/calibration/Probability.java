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

  /** Returns {@code y} when it is 0 or 1; otherwise throws naming the value. */
  public static int checkLabel(int y) {
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("Not a 0/1 label: " + y);
    }
    return y;
  }
}
