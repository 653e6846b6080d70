package io.vgac.agents.workflow;

/** Whether a prediction could be made for a submitted job, and if not, why. */
public enum PredictionStatus {
  /** The predictor answered. */
  PREDICTED,
  /** The cluster's state is unknown, or older than the telemetry's maximum age. */
  NO_CLUSTER_STATE,
  /** The telemetry failed (threw). */
  TELEMETRY_FAILED,
  /** The predictor failed (threw, or answered for another job). */
  PREDICTOR_FAILED
}
