package io.vgac.agents.spi;

import static io.vgac.agents.spi.States.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.model.Job;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Set and replayed states, pending jobs. */
class InMemoryClusterTelemetryTest {
  final TestClock clock = new TestClock(T0);
  final InMemoryClusterTelemetry t = new InMemoryClusterTelemetry(clock, 3);

  @Test
  void anUnknownClusterHasNoState() {
    assertThat(t.clusterState("c")).isEmpty();
    assertThat(t.pendingJobs("c")).isEmpty();
  }

  @Test
  void aReplayAnswersWithTheLatestStateObservedByNow() {
    t.replay(List.of(States.state("c", 10, 1, 1, 1, T0.plusSeconds(60)), States.state("c", 20, 2, 2, 2, T0),
        States.state("c", 30, 3, 3, 3, T0.plusSeconds(120))));
    assertThat(t.clusterState("c").orElseThrow().queueDepth()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(90));
    assertThat(t.clusterState("c").orElseThrow().queueDepth()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    assertThat(t.clusterState("c").orElseThrow().queueDepth()).isEqualTo(3);
    t.clear("c");
    assertThat(t.clusterState("c")).isEmpty();
  }

  @Test
  void aStateFromTheFutureIsNotYetVisible() {
    t.put(States.idle("c", T0.plusSeconds(1)));
    assertThat(t.clusterState("c")).isEmpty();
  }

  @Test
  void theTimelineIsBounded() {
    for (int i = 0; i < 5; i++) {
      t.put(States.state("c", 0, i, 0, i, T0.minusSeconds(10 - i)));
    }
    clock.set(T0.minusSeconds(9)); // the two oldest states were dropped
    assertThat(t.clusterState("c")).isEmpty();
  }

  @Test
  void pendingJobsAreListedOldestFirstAndCanBeRemoved() {
    Job late = States.job("b", "c", 1, T0.plusSeconds(5));
    Job early = States.job("a", "c", 1, T0);
    t.addPending(late);
    t.addPending(early);
    t.addPending(States.job("x", "other", 1, T0));
    assertThat(t.pendingJobs("c")).containsExactly(early, late);
    assertThat(t.removePending("c", "a")).isTrue();
    assertThat(t.removePending("c", "a")).isFalse();
    assertThat(t.pendingJobs("c")).containsExactly(late);
  }
}
