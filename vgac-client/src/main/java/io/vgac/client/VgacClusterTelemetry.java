package io.vgac.client;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.ClusterTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ClusterTelemetry} of one VGAC platform: the state is {@code GET /api/cluster/summary}, the pending jobs
 * are the {@code pending} entries of {@code GET /api/jobs/queue}. A cluster other than the platform's is unknown
 * (empty). Reads through on every call: {@code Agents} puts it behind its TTL cache. Throws
 * {@link VgacClientException} when the platform cannot answer (the workflow then predicts nothing).
 */
public final class VgacClusterTelemetry implements ClusterTelemetry {
  private final VgacClient client;

  VgacClusterTelemetry(VgacClient client) {
    this.client = client;
  }

  @Override
  public Optional<ClusterState> clusterState(String clusterId) {
    if (client.config().clusterId().filter(c -> !c.equals(clusterId)).isPresent()) {
      return Optional.empty();
    }
    ClusterState s = client.clusterState();
    return s.clusterId().equals(clusterId) ? Optional.of(s) : Optional.empty();
  }

  @Override
  public List<Job> pendingJobs(String clusterId) {
    if (!client.platformClusterId().equals(clusterId)) {
      return List.of();
    }
    List<Job> out = new ArrayList<>();
    for (QueuedJob q : client.pendingJobs()) {
      out.add(q.job());
    }
    return out;
  }
}
