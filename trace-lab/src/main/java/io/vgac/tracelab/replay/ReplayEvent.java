package io.vgac.tracelab.replay;

import java.time.Instant;

/**
 * A milestone of a replay, for the live summary and the report.
 *
 * @param time event time
 * @param env the environment
 * @param kind what happened
 * @param detail one line of text
 * @param sampleCount the environment's outcomes so far
 */
public record ReplayEvent(Instant time, String env, Kind kind, String detail, long sampleCount) {
  /** What happened. */
  public enum Kind {
    /** A new environment appeared (learning mode: everything escalates). */
    NEW_ENVIRONMENT,
    /** The autonomy state machine moved ({@code detail}: from → to by trigger). */
    TRANSITION,
    /** A drift detector raised an alarm. */
    DRIFT_ALARM,
    /** The agents asked for a recalibration. */
    RECALIBRATION_REQUESTED,
    /** The operator refitted the environment's calibrator. */
    RECALIBRATED
  }
}
