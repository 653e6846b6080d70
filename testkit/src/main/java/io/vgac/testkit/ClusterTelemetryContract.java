package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.testkit.ApprovalQueueContract.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ClusterTelemetry}: every implementation's test extends this class, implements
 * {@link #create}, and feeds its (fake) scheduler in {@link #observe} and {@link #addPending}. Covers: an unknown
 * cluster is empty; the answer is the latest state observed at or before the clock's now, per cluster; pending jobs
 * come oldest submission first; and — when the implementation promises a {@link #maxAge()} — a state older than it is
 * unknown. A telemetry that is {@link AutoCloseable} is closed after each test.
 */
public abstract class ClusterTelemetryContract {
  /** The start time of {@link #clock}. */
  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final int THREADS = 8;

  /** The clock the telemetry under test must use; tests move it forward only. */
  protected final SettableClock clock = new SettableClock(T0);
  /** The telemetry under test. */
  protected ClusterTelemetry telemetry;

  /** A new telemetry on {@code clock} that knows no cluster. */
  protected abstract ClusterTelemetry create(Clock clock) throws Exception;

  /** Makes {@code state} observed by the scheduler behind {@code telemetry}. */
  protected abstract void observe(ClusterTelemetry telemetry, ClusterState state);

  /** Makes {@code job} wait in its cluster, as the scheduler behind {@code telemetry} reports it. */
  protected abstract void addPending(ClusterTelemetry telemetry, Job job);

  /**
   * How long the implementation may keep answering with what it read before (a cache's time to live): the contract
   * moves the clock this much further before it expects a newly observed state. Zero unless overridden.
   */
  protected Duration freshness() {
    return Duration.ZERO;
  }

  /** The age beyond which the implementation promises to answer "unknown"; empty (the default) when it does not. */
  protected Optional<Duration> maxAge() {
    return Optional.empty();
  }

  @BeforeEach
  void createTelemetry() throws Exception {
    telemetry = create(clock);
  }

  @AfterEach
  void closeTelemetry() throws Exception {
    if (telemetry instanceof AutoCloseable) {
      ((AutoCloseable) telemetry).close();
    }
  }

  /** A valid state of {@code cluster} observed at {@code at}, told apart by {@code pending}. */
  protected static ClusterState state(String cluster, int pending, Instant at) {
    return new ClusterState(cluster, SchedulerType.SLURM, 10, 80, 40, 0.5, pending, 20, pending, at);
  }

  /** A valid job of {@code cluster} submitted at {@code at}. */
  protected static Job job(String id, String cluster, Instant at) {
    return new Job(id, cluster, "alice", "gpu", 4, 8, 32_768, Duration.ofHours(2), 0, at);
  }

  /** Moves the clock by {@code d} plus the implementation's {@link #freshness()} and one millisecond. */
  protected final void advancePastFreshness(Duration d) {
    clock.advance(d.plus(freshness()).plusMillis(1));
  }

  @Test
  void anUnknownClusterIsEmpty() {
    assertThat(telemetry.clusterState("nowhere")).isEmpty();
    assertThat(telemetry.pendingJobs("nowhere")).isEmpty();
    observe(telemetry, state("known", 1, T0));
    addPending(telemetry, job("j1", "known", T0));
    assertThat(telemetry.clusterState("nowher")).isEmpty();
    assertThat(telemetry.pendingJobs("nowher")).isEmpty();
  }

  @Test
  void theAnswerIsTheLatestStateObservedAtOrBeforeNow() {
    ClusterState old = state("c", 1, T0.minusSeconds(120));
    ClusterState older = state("c", 2, T0.minusSeconds(60));
    ClusterState current = state("c", 3, T0);
    ClusterState ahead = state("c", 4, T0.plusSeconds(60));
    for (ClusterState s : List.of(current, old, ahead, older)) { // observed in any order
      observe(telemetry, s);
    }
    assertThat(telemetry.clusterState("c")).contains(current);
    clock.advance(Duration.ofSeconds(30));
    assertThat(telemetry.clusterState("c")).as("the next state is not observed yet").contains(current);
    advancePastFreshness(Duration.ofSeconds(30));
    assertThat(telemetry.clusterState("c")).contains(ahead);
  }

  @Test
  void aNewerObservationReplacesTheAnswer() {
    observe(telemetry, state("c", 1, T0));
    assertThat(telemetry.clusterState("c")).contains(state("c", 1, T0));
    clock.advance(Duration.ofSeconds(1));
    ClusterState newer = state("c", 2, clock.instant());
    observe(telemetry, newer);
    advancePastFreshness(Duration.ZERO);
    assertThat(telemetry.clusterState("c")).contains(newer);
  }

  @Test
  void clustersAreIndependent() {
    observe(telemetry, state("a", 1, T0));
    observe(telemetry, state("b", 2, T0));
    addPending(telemetry, job("ja", "a", T0));
    assertThat(telemetry.clusterState("a")).get().extracting(ClusterState::clusterId).isEqualTo("a");
    assertThat(telemetry.clusterState("b")).contains(state("b", 2, T0));
    assertThat(telemetry.pendingJobs("a")).extracting(Job::jobId).containsExactly("ja");
    assertThat(telemetry.pendingJobs("b")).isEmpty();
  }

  @Test
  void pendingJobsComeOldestSubmissionFirst() {
    List<Job> jobs = List.of(job("j3", "c", T0.minusSeconds(10)), job("j1", "c", T0.minusSeconds(300)),
        job("j4", "c", T0), job("j2", "c", T0.minusSeconds(60)));
    for (Job j : jobs) {
      addPending(telemetry, j);
    }
    assertThat(telemetry.pendingJobs("c")).extracting(Job::jobId).containsExactly("j1", "j2", "j3", "j4");
    assertThat(telemetry.pendingJobs("c")).containsExactlyInAnyOrderElementsOf(jobs);
  }

  @Test
  void aStateOlderThanTheMaximumAgeIsUnknown() {
    assumeTrue(maxAge().isPresent(), "the implementation does not promise a maximum age");
    Duration maxAge = maxAge().orElseThrow();
    observe(telemetry, state("c", 1, T0));
    clock.advance(maxAge);
    assertThat(telemetry.clusterState("c")).as("exactly the maximum age old").contains(state("c", 1, T0));
    clock.advance(Duration.ofMillis(1));
    assertThat(telemetry.clusterState("c")).as("older than the maximum age").isEmpty();
    ClusterState fresh = state("c", 2, clock.instant());
    observe(telemetry, fresh);
    advancePastFreshness(Duration.ZERO);
    assertThat(telemetry.clusterState("c")).as("a fresh observation is known again").contains(fresh);
  }

  @Test
  void concurrentReadersSeeEveryCluster() throws Exception {
    for (int t = 0; t < THREADS; t++) {
      observe(telemetry, state("c" + t, t, T0));
      addPending(telemetry, job("j" + t, "c" + t, T0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String cluster = "c" + t;
        int pending = t;
        done.add(pool.submit(() -> {
          start.await();
          boolean ok = true;
          for (int i = 0; i < 200; i++) {
            ok &= telemetry.clusterState(cluster).equals(Optional.of(state(cluster, pending, T0)));
            ok &= telemetry.pendingJobs(cluster).size() == 1;
          }
          return ok;
        }));
      }
      start.countDown();
      for (Future<Boolean> f : done) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
