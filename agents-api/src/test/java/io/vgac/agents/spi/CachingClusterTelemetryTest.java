package io.vgac.agents.spi;

import static io.vgac.agents.spi.States.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Caffeine front: answers reused for the TTL, stale states unknown, failures not cached. */
class CachingClusterTelemetryTest {
  final TestClock clock = new TestClock(T0);
  final InMemoryClusterTelemetry memory = new InMemoryClusterTelemetry(clock);
  final AtomicInteger calls = new AtomicInteger();
  final AtomicBoolean fail = new AtomicBoolean();
  final ClusterTelemetry counting = new ClusterTelemetry() {
    @Override
    public Optional<ClusterState> clusterState(String id) {
      calls.incrementAndGet();
      if (fail.get()) {
        throw new IllegalStateException("scheduler unreachable");
      }
      return memory.clusterState(id);
    }

    @Override
    public List<Job> pendingJobs(String id) {
      calls.incrementAndGet();
      return memory.pendingJobs(id);
    }
  };
  final CachingClusterTelemetry cache = CachingClusterTelemetry.builder(counting)
      .ttl(Duration.ofSeconds(10)).maxAge(Duration.ofMinutes(5)).clock(clock).build();

  @Test
  void anAnswerIsReusedForTheTtl() {
    memory.put(States.state("c", 10, 1, 1, 1, T0));
    assertThat(cache.clusterState("c").orElseThrow().queueDepth()).isEqualTo(1);
    memory.put(States.state("c", 10, 2, 2, 2, T0));
    assertThat(cache.clusterState("c").orElseThrow().queueDepth()).isEqualTo(1);
    assertThat(calls).hasValue(1);
    clock.advance(Duration.ofSeconds(11));
    assertThat(cache.clusterState("c").orElseThrow().queueDepth()).isEqualTo(2);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aStateOlderThanTheMaximumAgeIsUnknown() {
    memory.put(States.idle("c", T0));
    clock.advance(Duration.ofMinutes(5));
    assertThat(cache.clusterState("c")).isPresent(); // exactly the maximum age is still fresh
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.clusterState("c")).isEmpty();
  }

  @Test
  void aStateDatedBeyondTheMaximumAgeAheadIsUnknown() {
    ClusterTelemetry ahead = new ClusterTelemetry() {
      @Override
      public Optional<ClusterState> clusterState(String id) {
        return Optional.of(States.idle(id, T0.plus(Duration.ofMinutes(6))));
      }

      @Override
      public List<Job> pendingJobs(String id) {
        return List.of();
      }
    };
    CachingClusterTelemetry direct = CachingClusterTelemetry.builder(ahead).clock(clock).build();
    assertThat(direct.clusterState("c")).isEmpty();
  }

  @Test
  void aFailureReachesTheCallerAndIsNotCached() {
    memory.put(States.idle("c", T0));
    fail.set(true);
    assertThatThrownBy(() -> cache.clusterState("c")).isInstanceOf(IllegalStateException.class)
        .hasMessage("scheduler unreachable");
    fail.set(false);
    assertThat(cache.clusterState("c")).isPresent();
  }

  @Test
  void aZeroTtlAsksEveryTime() {
    CachingClusterTelemetry none = CachingClusterTelemetry.builder(counting).ttl(Duration.ZERO).clock(clock).build();
    none.clusterState("c");
    none.clusterState("c");
    none.pendingJobs("c");
    assertThat(calls).hasValue(3);
  }

  @Test
  void theBuilderFailsFast() {
    assertThatThrownBy(() -> CachingClusterTelemetry.builder(counting).maxAge(Duration.ZERO))
        .hasMessage("maxAge must be > 0 but was PT0S");
    assertThatThrownBy(() -> CachingClusterTelemetry.builder(counting).ttl(Duration.ofSeconds(-1)))
        .hasMessage("ttl must be ≥ 0 but was PT-1S");
    assertThatThrownBy(() -> CachingClusterTelemetry.builder(counting).maximumSize(0))
        .hasMessage("maximumSize must be ≥ 1 but was 0");
  }
}
