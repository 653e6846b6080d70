package io.vgac.agents.workflow;

import java.time.Instant;

/**
 * A job finished, or left the queue without starting (cancelled): the workflow forgets it. The outcome of a job
 * that started was already recorded by {@link JobStarted}.
 *
 * @param clusterId the cluster
 * @param jobId the job
 * @param finishTime when it finished
 */
public record JobFinished(String clusterId, String jobId, Instant finishTime) implements WorkflowEvent {

  public JobFinished {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("jobId must not be blank but was '" + jobId + "'");
    }
  }
}
