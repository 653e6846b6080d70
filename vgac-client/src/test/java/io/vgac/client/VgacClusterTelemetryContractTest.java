package io.vgac.client;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.testkit.ClusterTelemetryContract;
import io.vgac.testkit.vgac.FakeVgacServer;
import io.vgac.testkit.vgac.VgacWire;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The telemetry contract over real HTTP: one fake platform per cluster (a platform serves one cluster), each
 * serving the latest state observed at or before the contract's clock (with {@code observed_at}) and its pending
 * jobs. A cluster without a platform is asked of a platform of another cluster, so "unknown is empty" is the
 * client's own answer.
 */
class VgacClusterTelemetryContractTest extends ClusterTelemetryContract {
  private final Map<String, Platform> platforms = new ConcurrentHashMap<>();
  private Clock contractClock = Clock.systemUTC();

  private record Platform(FakeVgacServer server, VgacClusterTelemetry telemetry, List<ClusterState> states,
      List<Job> jobs) {}

  @Override
  protected ClusterTelemetry create(Clock clock) {
    contractClock = clock;
    return new Router();
  }

  @Override
  protected void observe(ClusterTelemetry telemetry, ClusterState state) {
    platform(state.clusterId()).states().add(state);
  }

  @Override
  protected void addPending(ClusterTelemetry telemetry, Job job) {
    platform(job.clusterId()).jobs().add(job);
  }

  private Platform platform(String cluster) {
    return platforms.computeIfAbsent(cluster, c -> {
      FakeVgacServer server = FakeVgacServer.start();
      List<ClusterState> states = new CopyOnWriteArrayList<>();
      List<Job> jobs = new CopyOnWriteArrayList<>();
      server.clusterSummary(() -> VgacWire.summary(states.stream()
          .filter(s -> !s.observedAt().isAfter(contractClock.instant()))
          .max(Comparator.comparing(ClusterState::observedAt))
          .orElseThrow(() -> new IllegalStateException("nothing observed yet"))));
      server.queue(() -> {
        List<Object> out = new ArrayList<>();
        for (Job j : jobs) {
          out.add(VgacWire.queuedJob(j, "pending"));
        }
        out.add(VgacWire.queuedJob(new Job("running-1", c, "bob", "gpu", 1, 1, 1024, null, 0,
            T0.minusSeconds(3600)), "running")); // not pending: never listed
        return Map.of("jobs", out);
      });
      VgacClient client = VgacClient.builder(VgacClientConfig.builder().baseUrl(server.baseUrl()).clusterId(c)
          .requestTimeout(Duration.ofSeconds(10)).build()).clock(contractClock).build();
      return new Platform(server, client.telemetry(), states, jobs);
    });
  }

  private final class Router implements ClusterTelemetry, AutoCloseable {
    private ClusterTelemetry of(String cluster) {
      Platform p = platforms.get(cluster);
      return (p != null ? p : platform("home-of-unknown-clusters")).telemetry();
    }

    @Override
    public Optional<ClusterState> clusterState(String clusterId) {
      return of(clusterId).clusterState(clusterId);
    }

    @Override
    public List<Job> pendingJobs(String clusterId) {
      return of(clusterId).pendingJobs(clusterId);
    }

    @Override
    public void close() {
      platforms.values().forEach(p -> p.server().close());
      platforms.clear();
    }
  }
}
