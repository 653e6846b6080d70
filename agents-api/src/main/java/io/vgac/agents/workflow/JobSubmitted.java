package io.vgac.agents.workflow;

import io.vgac.agents.model.Job;

/**
 * A job was submitted: observe, predict, plan and gate.
 *
 * @param job the job as submitted
 */
public record JobSubmitted(Job job) implements WorkflowEvent {

  @Override
  public String clusterId() {
    return job.clusterId();
  }

  @Override
  public String jobId() {
    return job.jobId();
  }
}
