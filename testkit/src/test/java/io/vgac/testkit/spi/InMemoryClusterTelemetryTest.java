package io.vgac.testkit.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.testkit.ClusterTelemetryContract;
import java.time.Clock;

/** The embedded telemetry on its own: no cache, no maximum age (replay keeps every state it was given). */
class InMemoryClusterTelemetryTest extends ClusterTelemetryContract {

  @Override
  protected ClusterTelemetry create(Clock clock) {
    return new InMemoryClusterTelemetry(clock);
  }

  @Override
  protected void observe(ClusterTelemetry telemetry, ClusterState state) {
    ((InMemoryClusterTelemetry) telemetry).put(state);
  }

  @Override
  protected void addPending(ClusterTelemetry telemetry, Job job) {
    ((InMemoryClusterTelemetry) telemetry).addPending(job);
  }
}
