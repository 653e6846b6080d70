package io.vgac.calibration.drift;

/** Which way calibration has drifted, with the word used on the command line. */
public enum DriftDirection {
  /** The model predicts too high: y − p is negative on average. */
  OVER("over"),
  /** The model predicts too low: y − p is positive on average. */
  UNDER("under"),
  /** The spread is wrong (over- or under-confidence); {@link CalibrationDeviation} says which. */
  SPREAD("spread"),
  /** A change was flagged by a detector that does not know the direction (e.g. ADWIN on an error stream). */
  UNKNOWN("unknown");

  private final String word;

  DriftDirection(String word) {
    this.word = word;
  }

  /** "over", "under", "spread" or "unknown". */
  public String word() {
    return word;
  }
}
