package io.vgac.calibration.recalibration;

/**
 * A fitted recalibration map: turns a raw probability (or, for score-based maps, a raw score) into a calibrated
 * probability in {@code [0,1]}.
 *
 * <p>The built-in implementations are immutable records with plain parameters ({@code double}, {@code double[]},
 * enums), compared by content, that serialise to JSON and back with any record-aware mapper. They are safe to
 * share between threads.
 */
public interface Calibrator {

  /**
   * The calibrated probability for one input.
   *
   * @throws IllegalArgumentException when the input is NaN, or outside {@code [0,1]} for a map that expects a
   *     probability
   */
  double calibrate(double p);

  /** Applies {@link #calibrate(double)} to every element; the input is not modified. */
  default double[] calibrateAll(double[] p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      try {
        out[i] = calibrate(p[i]);
      } catch (IllegalArgumentException e) {
        // Re-thrown with the index so a bad row in a batch can be found.
        throw new IllegalArgumentException(e.getMessage() + " at index " + i, e);
      }
    }
    return out;
  }

  /** A short stable identifier of the method, e.g. {@code "platt"} or {@code "isotonic"}. */
  String method();
}
