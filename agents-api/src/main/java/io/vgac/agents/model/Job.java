package io.vgac.agents.model;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A submitted job, whatever its scheduler.
 *
 * @param jobId the scheduler's job id
 * @param clusterId the environment it was submitted to
 * @param namespace Kubernetes namespace, or the submitting user on Slurm and Batch
 * @param queue Slurm partition, Batch job queue, or Kubernetes queue (e.g. a Kueue LocalQueue)
 * @param gpus GPUs requested
 * @param cpus CPUs requested
 * @param memoryMib memory requested, MiB
 * @param requestedWallTime wall-time limit requested; null when the job requested none (common on Kubernetes)
 * @param priority the scheduler's priority value as submitted (its scale is the scheduler's; may be negative on
 *     Kubernetes)
 * @param submitTime when the job was submitted
 */
public record Job(
    String jobId,
    String clusterId,
    String namespace,
    String queue,
    int gpus,
    int cpus,
    long memoryMib,
    @Nullable Duration requestedWallTime,
    int priority,
    Instant submitTime) {

  public Job {
    Checks.id("job_id", jobId);
    Checks.id("cluster_id", clusterId);
    Checks.id("namespace", namespace);
    Checks.id("queue", queue);
    Checks.nonNegative("gpus", gpus);
    Checks.nonNegative("cpus", cpus);
    Checks.nonNegative("memory_mib", memoryMib);
    if (requestedWallTime != null) {
      Checks.nonNegative("requested_wall_time", requestedWallTime);
    }
    Checks.required("submit_time", submitTime);
  }
}
