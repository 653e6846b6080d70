package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.util.List;
import java.util.Optional;

/**
 * What the Observer agent reads about a cluster (SPI): its current state and the jobs waiting in it. Adapters read
 * a scheduler (Slurm, Kubernetes, AWS Batch); the embedded default is {@link InMemoryClusterTelemetry} (set or
 * replayed states), normally fronted by {@link CachingClusterTelemetry}, which also turns stale states into
 * "unknown".
 *
 * <p>Implementations are thread-safe and may throw (an unreachable scheduler): callers catch it and treat the
 * cluster as unknown, so a prediction is not made and nothing is acted on.
 */
public interface ClusterTelemetry {

  /** The latest state of {@code clusterId}; empty when the cluster is unknown (never observed). */
  Optional<ClusterState> clusterState(String clusterId);

  /** The jobs waiting to start in {@code clusterId}, oldest submission first; empty when none are known. */
  List<Job> pendingJobs(String clusterId);
}
