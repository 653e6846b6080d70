package io.vgac.agents.intervals;

/** What {@link IntervalController} did with one event. */
public enum IntervalOutcome {
  /** An interval was issued and the job is pending. */
  ISSUED,
  /** The job's wait was inside the interval it was given. */
  COVERED,
  /** The job's wait was outside the interval it was given. */
  MISSED,
  /** The job was given no finite interval (too few scores yet); its wait still taught the controller. */
  UNBOUNDED,
  /** Skipped: a wait that is negative, NaN or infinite. The job stays pending for a valid outcome. */
  BAD_WAIT,
  /** Skipped: an event earlier than the environment's latest event (clocks going backwards). */
  CLOCK_BACKWARDS,
  /** Skipped: an outcome for a job never issued (or forgotten after the pending limit). */
  UNKNOWN_JOB,
  /** Skipped: a second outcome for a job already scored, or a second issue for a pending job. */
  DUPLICATE,
  /** Skipped: a point estimate that is negative, NaN or infinite (nothing issued). */
  BAD_POINT;

  /** Whether the event was skipped (counted, nothing changed). */
  public boolean skipped() {
    return ordinal() >= BAD_WAIT.ordinal();
  }

  /** Whether the event scored an outcome. */
  public boolean scored() {
    return this == COVERED || this == MISSED || this == UNBOUNDED;
  }
}
