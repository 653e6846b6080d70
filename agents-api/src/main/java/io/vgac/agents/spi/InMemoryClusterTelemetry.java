package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The embedded {@link ClusterTelemetry}: states and pending jobs held in memory, set by the embedding code or
 * replayed from a trace.
 *
 * <p><b>Replay.</b> Each cluster keeps a timeline of states keyed by {@link ClusterState#observedAt()};
 * {@link #clusterState} answers with the latest state observed at or before the clock's now, so a trace can be loaded
 * up front and replayed by advancing an event-time clock. With the system clock and states observed "now" it is
 * simply "the latest state". A timeline keeps at most {@link #DEFAULT_MAX_STATES_PER_CLUSTER} states (oldest dropped
 * first) unless configured otherwise.
 *
 * <p>Thread-safe (concurrent maps; no lock is held while answering).
 */
public final class InMemoryClusterTelemetry implements ClusterTelemetry {
  /** States kept per cluster before the oldest are dropped. */
  public static final int DEFAULT_MAX_STATES_PER_CLUSTER = 10_000;

  private static final Comparator<Job> BY_SUBMISSION =
      Comparator.comparing(Job::submitTime).thenComparing(Job::jobId);

  private final Clock clock;
  private final int maxStatesPerCluster;
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Instant, ClusterState>> states =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Job>> pending = new ConcurrentHashMap<>();

  /**
   * @param clock whose now decides which replayed state is current
   * @param maxStatesPerCluster states kept per cluster, ≥ 1
   */
  public InMemoryClusterTelemetry(Clock clock, int maxStatesPerCluster) {
    if (maxStatesPerCluster < 1) {
      throw new IllegalArgumentException("maxStatesPerCluster must be ≥ 1 but was " + maxStatesPerCluster);
    }
    this.clock = clock;
    this.maxStatesPerCluster = maxStatesPerCluster;
  }

  public InMemoryClusterTelemetry(Clock clock) {
    this(clock, DEFAULT_MAX_STATES_PER_CLUSTER);
  }

  /** On the system clock (UTC). */
  public InMemoryClusterTelemetry() {
    this(Clock.systemUTC());
  }

  /** Adds {@code state} to its cluster's timeline (replacing one observed at the same instant). */
  public void put(ClusterState state) {
    ConcurrentSkipListMap<Instant, ClusterState> timeline =
        states.computeIfAbsent(state.clusterId(), k -> new ConcurrentSkipListMap<>());
    timeline.put(state.observedAt(), state);
    while (timeline.size() > maxStatesPerCluster) {
      timeline.pollFirstEntry();
    }
  }

  /** Adds every state (a trace to replay), in any order. */
  public void replay(Iterable<ClusterState> trace) {
    for (ClusterState s : trace) {
      put(s);
    }
  }

  /** Forgets every state of {@code clusterId} (it becomes unknown). */
  public void clear(String clusterId) {
    states.remove(clusterId);
  }

  /** Records {@code job} as waiting in its cluster (replacing a job with the same id there). */
  public void addPending(Job job) {
    pending.computeIfAbsent(job.clusterId(), k -> new ConcurrentHashMap<>()).put(job.jobId(), job);
  }

  /** Records that {@code jobId} no longer waits in {@code clusterId} (started, cancelled); true when it did. */
  public boolean removePending(String clusterId, String jobId) {
    Map<String, Job> jobs = pending.get(clusterId);
    return jobs != null && jobs.remove(jobId) != null;
  }

  @Override
  public Optional<ClusterState> clusterState(String clusterId) {
    ConcurrentSkipListMap<Instant, ClusterState> timeline = states.get(clusterId);
    if (timeline == null) {
      return Optional.empty();
    }
    Map.Entry<Instant, ClusterState> e = timeline.floorEntry(clock.instant());
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  @Override
  public List<Job> pendingJobs(String clusterId) {
    Map<String, Job> jobs = pending.get(clusterId);
    if (jobs == null) {
      return List.of();
    }
    List<Job> out = new ArrayList<>(jobs.values());
    out.sort(BY_SUBMISSION);
    return List.copyOf(out);
  }
}
