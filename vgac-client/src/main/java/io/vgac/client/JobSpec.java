package io.vgac.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.Job;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The request body of {@code POST /api/predict/wait}.
 *
 * @param gpus GPUs requested, ≥ 0
 * @param cpuMillicores CPU requested in millicores, ≥ 0
 * @param memoryGb memory requested in GB (GiB), ≥ 0
 * @param priority the scheduler priority as submitted
 * @param namespace the namespace (or user)
 * @param queue the queue or partition; null when none
 * @param estimatedDurationMinutes the requested wall time in minutes (rounded up); null when none
 * @param distributed whether the job spans several nodes
 * @param gpuType the GPU model requested; null when any
 */
public record JobSpec(
    int gpus,
    double cpuMillicores,
    double memoryGb,
    int priority,
    String namespace,
    @Nullable String queue,
    @Nullable Integer estimatedDurationMinutes,
    boolean distributed,
    @Nullable String gpuType) {

  public JobSpec {
    if (gpus < 0) {
      throw new IllegalArgumentException("gpus must be ≥ 0 but was " + gpus);
    }
    if (!(cpuMillicores >= 0 && Double.isFinite(cpuMillicores))) {
      throw new IllegalArgumentException("cpuMillicores must be finite and ≥ 0 but was " + cpuMillicores);
    }
    if (!(memoryGb >= 0 && Double.isFinite(memoryGb))) {
      throw new IllegalArgumentException("memoryGb must be finite and ≥ 0 but was " + memoryGb);
    }
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be blank but was '" + namespace + "'");
    }
    if (estimatedDurationMinutes != null && estimatedDurationMinutes < 0) {
      throw new IllegalArgumentException(
          "estimatedDurationMinutes must be ≥ 0 but was " + estimatedDurationMinutes);
    }
  }

  /** The spec of {@code job}: CPUs as millicores, MiB as GB, the wall time rounded up to minutes; not distributed. */
  public static JobSpec of(Job job) {
    Duration wall = job.requestedWallTime();
    Integer minutes = wall == null ? null : (int) Math.min(Integer.MAX_VALUE, (wall.toSeconds() + 59) / 60);
    return new JobSpec(job.gpus(), job.cpus() * 1000.0, job.memoryMib() / 1024.0, job.priority(), job.namespace(),
        job.queue(), minutes, false, null);
  }

  ObjectNode toJson() {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("gpus", gpus);
    o.put("cpu", cpuMillicores);
    o.put("memory_gb", memoryGb);
    o.put("priority", priority);
    o.put("namespace", namespace);
    if (queue != null) {
      o.put("queue", queue);
    }
    if (estimatedDurationMinutes != null) {
      o.put("estimated_duration_minutes", estimatedDurationMinutes);
    }
    o.put("is_distributed", distributed);
    if (gpuType != null) {
      o.put("gpu_type", gpuType);
    }
    return o;
  }
}
