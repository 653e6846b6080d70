package io.vgac.agents.model;

import java.time.Instant;

/**
 * What a cluster looks like at one moment, whatever its scheduler.
 *
 * @param clusterId the environment this state belongs to (an EKS cluster, a Slurm cluster, a Batch compute
 *     environment)
 * @param schedulerType the scheduler family
 * @param nodes schedulable nodes
 * @param gpusTotal GPUs on those nodes
 * @param gpusAvailable GPUs not allocated to a running job (≤ gpusTotal)
 * @param gpuUtilization share of GPUs allocated, in [0,1]
 * @param pendingJobs jobs waiting to start
 * @param runningJobs jobs running
 * @param queueDepth jobs ahead of a newly submitted one (Slurm: pending in the partition; Kubernetes: unschedulable
 *     pods; Batch: RUNNABLE jobs in the queue)
 * @param observedAt when the state was read
 */
public record ClusterState(
    String clusterId,
    SchedulerType schedulerType,
    int nodes,
    int gpusTotal,
    int gpusAvailable,
    double gpuUtilization,
    int pendingJobs,
    int runningJobs,
    int queueDepth,
    Instant observedAt) {

  public ClusterState {
    Checks.id("cluster_id", clusterId);
    Checks.required("scheduler_type", schedulerType);
    Checks.nonNegative("nodes", nodes);
    Checks.nonNegative("gpus_total", gpusTotal);
    Checks.nonNegative("gpus_available", gpusAvailable);
    if (gpusAvailable > gpusTotal) {
      throw new IllegalArgumentException(
          "gpus_available must be ≤ gpus_total (" + gpusTotal + ") but was " + gpusAvailable);
    }
    Checks.unit("gpu_utilization", gpuUtilization);
    Checks.nonNegative("pending_jobs", pendingJobs);
    Checks.nonNegative("running_jobs", runningJobs);
    Checks.nonNegative("queue_depth", queueDepth);
    Checks.required("observed_at", observedAt);
  }
}
