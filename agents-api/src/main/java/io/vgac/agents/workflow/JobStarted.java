package io.vgac.agents.workflow;

import java.time.Instant;

/**
 * A job started: its wait is now known, and scores the prediction made at submission.
 *
 * @param clusterId the cluster
 * @param jobId the job
 * @param startTime when it started (the event's own time; it also times the tracker update)
 */
public record JobStarted(String clusterId, String jobId, Instant startTime) implements WorkflowEvent {

  public JobStarted {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("jobId must not be blank but was '" + jobId + "'");
    }
  }
}
