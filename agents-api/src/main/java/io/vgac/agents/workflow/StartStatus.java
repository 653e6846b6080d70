package io.vgac.agents.workflow;

/** What a {@link JobStarted} event led to. */
public enum StartStatus {
  /** The outcome scored the job's prediction: the tracker was updated. */
  RECORDED,
  /** The job was known but had no prediction: nothing to score (the outcome is still returned). */
  NO_PREDICTION,
  /** The job was not pending here (never submitted, already started or finished): nothing was recorded. */
  UNKNOWN_JOB
}
