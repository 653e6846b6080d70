package io.vgac.calibration.tracker;

/** What moves an environment's {@link TrackerState}. */
public enum TransitionTrigger {
  /** The sample count reached the policy's minimum (50): learning mode ends. */
  LEARNING_COMPLETE,
  /** The e-detector alarmed, or the window's ECE ratio went above the recalibration edge (2.0). */
  DRIFT_DETECTED,
  /** A recalibration was recorded ({@link EnvironmentTracker#recalibrated}). */
  RECALIBRATED,
  /** At least {@code minFreshLabels} labels since the recalibration, with the restarted e-detector quiet. */
  FRESH_LABELS_QUIET,
  /** The ECE upper bound over the fresh labels is within the AUTONOMOUS limit (score &gt; 0.85 ⇔ ECE &lt; 0.03). */
  UPPER_BOUND_WITHIN_LIMIT
}
