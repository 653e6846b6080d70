package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import java.time.Duration;
import java.time.Instant;

/** Small factories of valid model values for tests. */
public final class States {
  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private States() {}

  /** A 10-node, 80-GPU Slurm cluster. */
  public static ClusterState state(String cluster, int gpusAvailable, int pending, int running, int queueDepth,
      Instant at) {
    return new ClusterState(cluster, SchedulerType.SLURM, 10, 80, gpusAvailable, 1 - gpusAvailable / 80.0, pending,
        running, queueDepth, at);
  }

  public static ClusterState idle(String cluster, Instant at) {
    return state(cluster, 80, 0, 0, 0, at);
  }

  public static Job job(String id, String cluster, int gpus, Instant submitted) {
    return new Job(id, cluster, "alice", "gpu", gpus, 8, 32_768, Duration.ofHours(2), 0, submitted);
  }
}
