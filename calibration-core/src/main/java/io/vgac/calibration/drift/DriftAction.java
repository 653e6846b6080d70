package io.vgac.calibration.drift;

/** What the design prescribes for each {@link DriftSeverity} band. */
public enum DriftAction {
  /** Nothing to do. */
  CONTINUE("continue"),
  /** Keep acting, watch more closely. */
  MONITOR("monitor"),
  /** Narrow what the agent may do on its own. */
  REDUCE_AUTONOMY("reduce autonomy"),
  /** Refit the calibrator; escalate every action until it is done. */
  TRIGGER_RECALIBRATION("trigger recalibration");

  private final String description;

  DriftAction(String description) {
    this.description = description;
  }

  /** The design's wording: "continue", "monitor", "reduce autonomy", "trigger recalibration". */
  public String description() {
    return description;
  }
}
