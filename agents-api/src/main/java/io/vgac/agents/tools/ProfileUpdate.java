package io.vgac.agents.tools;

/**
 * What a profile learner did with one input: learned from it, or skipped it for a counted reason. A skipped input
 * never changes a profile.
 */
public enum ProfileUpdate {
  /** Learned from. */
  ACCEPTED,
  /** A telemetry state at or before the latest accepted one (repeated, or a clock that went backwards). */
  OUT_OF_ORDER,
  /** An outcome for a job that was already counted. */
  DUPLICATE,
  /** A start for a job whose submission was never seen (or was forgotten to keep memory bounded). */
  UNKNOWN_JOB,
  /** A wait below zero (a start before its submission). */
  NEGATIVE_WAIT,
  /** A wait that is NaN or infinite. */
  MISSING_WAIT;

  public boolean accepted() {
    return this == ACCEPTED;
  }
}
