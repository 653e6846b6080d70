package io.vgac.calibration.drift;

/**
 * Severity bands of the design's ECE-ratio rule ({@link EceRatioRule}), in increasing order; each maps to one
 * {@link DriftAction}.
 */
public enum DriftSeverity {
  /** Ratio ≤ 1.5 by default: calibration stable. */
  NONE(DriftAction.CONTINUE),
  /** 1.5 &lt; ratio ≤ 2.0 by default. */
  MODERATE(DriftAction.MONITOR),
  /** 2.0 &lt; ratio ≤ 5.0 by default. */
  SIGNIFICANT(DriftAction.REDUCE_AUTONOMY),
  /** Ratio &gt; 5.0 by default. */
  CRITICAL(DriftAction.TRIGGER_RECALIBRATION);

  private final DriftAction action;

  DriftSeverity(DriftAction action) {
    this.action = action;
  }

  /** The design's action for this band. */
  public DriftAction action() {
    return action;
  }
}
