package io.vgac.agents.tools;

import java.util.Locale;

/** The four agents of the design; every tool belongs to one. */
public enum AgentRole {
  /** Reads cluster state and queue depth, detects anomalies. */
  OBSERVER,
  /** Predicts wait times and reports how far the predictions can be trusted. */
  PREDICTOR,
  /** Acts: scheduler changes (through the gate), notifications, alerts, escalations. */
  ACTOR,
  /** Watches calibration, drift and recalibration; keeps environment profiles. */
  CALIBRATOR;

  /** The lower-case name used in exported specifications, e.g. {@code observer}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
