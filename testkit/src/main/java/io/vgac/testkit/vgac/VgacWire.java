package io.vgac.testkit.vgac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The agents' model in the VGAC platform's wire format (the bodies {@link FakeVgacServer} serves). */
public final class VgacWire {
  private VgacWire() {}

  /** A {@code /api/cluster/summary} body of {@code s}, with {@code observed_at} (an extension the client reads). */
  public static ObjectNode summary(ClusterState s) {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("cluster_id", s.clusterId());
    o.put("scheduler_type", schedulerType(s.schedulerType()));
    o.put("total_nodes", s.nodes());
    o.put("ready_nodes", s.nodes());
    o.put("total_gpus", s.gpusTotal());
    o.put("available_gpus", s.gpusAvailable());
    o.put("gpu_utilization", s.gpuUtilization());
    o.put("pending_jobs", s.pendingJobs());
    o.put("running_jobs", s.runningJobs());
    o.put("queue_depth", s.queueDepth());
    o.put("observed_at", s.observedAt().toString());
    return o;
  }

  /** The platform's name of {@code t}. */
  public static String schedulerType(SchedulerType t) {
    return t == SchedulerType.AWS_BATCH ? "batch" : t.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A {@code /api/jobs/queue} entry of {@code job} in {@code state} ({@code pending}, {@code running}, …), with the
   * job-spec fields {@code cpu} (millicores), {@code memory_gb} and {@code estimated_duration_minutes}.
   */
  public static ObjectNode queuedJob(Job job, String state) {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("job_id", job.jobId());
    o.put("name", job.jobId());
    o.put("namespace", job.namespace());
    o.put("queue", job.queue());
    o.put("state", state);
    o.put("gpus", job.gpus());
    o.put("cpu", job.cpus() * 1000);
    o.put("memory_gb", job.memoryMib() / 1024.0);
    Duration wall = job.requestedWallTime();
    if (wall != null) {
      o.put("estimated_duration_minutes", wall.toMinutes());
    }
    o.put("priority", job.priority());
    o.put("submitted_at", job.submitTime().toString());
    return o;
  }

  /** A {@code /api/predict/wait} response. */
  public static ObjectNode prediction(double probabilityLongWait, long estimatedWaitSeconds, double confidence) {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("probability_long_wait", probabilityLongWait);
    o.put("estimated_wait_seconds", estimatedWaitSeconds);
    o.put("wait_category", probabilityLongWait >= 0.7 ? "high" : probabilityLongWait >= 0.3 ? "medium" : "low");
    o.put("confidence", confidence);
    o.put("is_calibrated", true);
    o.put("recommendation", "none");
    o.put("latency_us", 850);
    return o;
  }

  /** A {@code /api/jobs/predict/calibration} response; {@code ece} NaN is sent as null (unknown). */
  public static ObjectNode calibration(
      double ece, long sampleCount, boolean recalibrationNeeded, @Nullable Instant lastRecalibration) {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    if (Double.isNaN(ece)) {
      o.putNull("ece");
    } else {
      o.put("ece", ece);
    }
    o.put("brier_score", 0.12);
    o.put("sample_count", sampleCount);
    if (lastRecalibration != null) {
      o.put("last_recalibration", lastRecalibration.toString());
    }
    o.put("recalibration_needed", recalibrationNeeded);
    return o;
  }
}
