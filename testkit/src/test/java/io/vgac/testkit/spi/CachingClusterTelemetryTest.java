package io.vgac.testkit.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.CachingClusterTelemetry;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.testkit.ClusterTelemetryContract;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The telemetry as {@code Agents.builder()} wires it: the in-memory one behind the default cache (TTL, max age). */
class CachingClusterTelemetryTest extends ClusterTelemetryContract {
  private InMemoryClusterTelemetry scheduler;

  @Override
  protected ClusterTelemetry create(Clock clock) {
    scheduler = new InMemoryClusterTelemetry(clock);
    return CachingClusterTelemetry.ofDefaults(scheduler, clock);
  }

  @Override
  protected void observe(ClusterTelemetry telemetry, ClusterState state) {
    scheduler.put(state);
  }

  @Override
  protected void addPending(ClusterTelemetry telemetry, Job job) {
    scheduler.addPending(job);
  }

  @Override
  protected Duration freshness() {
    return CachingClusterTelemetry.DEFAULT_TTL;
  }

  @Override
  protected Optional<Duration> maxAge() {
    return Optional.of(CachingClusterTelemetry.DEFAULT_MAX_AGE);
  }
}
