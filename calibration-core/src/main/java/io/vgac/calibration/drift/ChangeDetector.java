package io.vgac.calibration.drift;

/**
 * A sequential change detector on a stream of real values (typically a 0/1 error indicator or a loss).
 *
 * <p>Implementations are mutable and <b>not thread-safe</b>: feed one detector from one thread (or guard it
 * externally). {@link #update(double)} does not allocate on the hot path.
 */
public interface ChangeDetector {

  /**
   * Feeds the next value of the stream.
   *
   * @return true when a change is flagged at this item
   * @throws IllegalArgumentException when {@code x} is NaN or infinite
   */
  boolean update(double x);

  /** Forgets everything seen so far, as if newly constructed (the configuration is kept). */
  void reset();

  /** Number of values fed since construction or the last {@link #reset()}. */
  long count();

  /**
   * The detector's current estimate of the stream mean (over its window or since its last restart); NaN before
   * any value has been seen.
   */
  double estimate();

  /** Rejects NaN and infinities with a message naming the value. */
  static double checkFinite(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("Not a finite value: " + x);
    }
    return x;
  }
}
