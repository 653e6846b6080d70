package io.vgac.agents.workflow;

/** An event of a job's life that the workflow acts on; events of one cluster are processed one at a time, in order. */
public sealed interface WorkflowEvent permits JobSubmitted, JobStarted, JobFinished {

  /** The cluster (environment) the job belongs to. */
  String clusterId();

  /** The job. */
  String jobId();
}
