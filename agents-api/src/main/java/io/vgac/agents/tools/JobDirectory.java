package io.vgac.agents.tools;

import java.util.Optional;

/**
 * Where the gated actor tools look up a job's cluster and latest prediction (SPI): the design's
 * {@code tool_requeue_job} and {@code tool_adjust_priority} name only the job, but the gate needs the job's
 * environment and its probability of a long wait. The embedded default is {@link InMemoryJobDirectory}, filled by
 * the workflow as jobs are submitted and predicted. May throw: the tool then fails without touching the scheduler.
 */
@FunctionalInterface
public interface JobDirectory {

  /** The job's context, or empty when the job is not known (finished, or never seen). */
  Optional<JobContext> find(String jobId);
}
