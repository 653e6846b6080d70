package io.vgac.agents.model;

import java.time.Duration;

/**
 * What happened to a job once it started: the label a prediction is scored against.
 *
 * @param jobId the job
 * @param actualWait time from submission to start
 * @param label 1 when the wait was long (above the predictor's threshold), else 0
 */
public record Outcome(String jobId, Duration actualWait, int label) {

  public Outcome {
    Checks.id("job_id", jobId);
    Checks.nonNegative("actual_wait", actualWait);
    if (label != 0 && label != 1) {
      throw new IllegalArgumentException("label must be 0 or 1 but was " + label);
    }
  }
}
