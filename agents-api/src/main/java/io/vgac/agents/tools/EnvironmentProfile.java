package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A cluster's descriptive profile: metrics the calibrator stored (e.g. {@code avg_queue_depth},
 * {@code avg_gpu_utilization}, {@code peak_hours}, {@code typical_wait_minutes}) and when they were last updated.
 *
 * @param clusterId the cluster
 * @param metrics the stored metrics (a copy in and out)
 * @param updatedAt when they were last updated
 */
public record EnvironmentProfile(String clusterId, ObjectNode metrics, Instant updatedAt) {

  public EnvironmentProfile {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    metrics = metrics.deepCopy();
  }

  @Override
  public ObjectNode metrics() {
    return metrics.deepCopy();
  }
}
