package io.vgac.calibration.anomaly;

/** The verdict on one observation. */
public enum AnomalyStatus {
  /** Within the expected range. */
  NORMAL,
  /** Outside the expected range. */
  ANOMALY,
  /** Not enough history yet to say what is expected; never an alarm. */
  WARMING_UP
}
