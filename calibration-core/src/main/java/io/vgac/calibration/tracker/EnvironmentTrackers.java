package io.vgac.calibration.tracker;

import io.vgac.calibration.Probability;
import io.vgac.calibration.policy.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The fleet: one {@link EnvironmentTracker} per environment id, all with the same configuration.
 *
 * <ul>
 *   <li>An environment is created on its first valid {@link #update} and starts in learning mode (ESCALATE until
 *       it has 50 samples). A bad update never creates one.
 *   <li>{@link #state} of an id never seen returns {@link EnvironmentState#unknown}: score 0.5, 0 samples,
 *       learning, ESCALATE; it does not throw and does not create the environment.
 *   <li>Memory is bounded per environment (window capacity × 9 bytes, +8 with a max age, plus about 4 KB of sums
 *       and detectors): measured 13.0 KB per environment with a full default window, i.e. 130 MB for 10,000
 *       environments; quiet environments cost far less (windows grow on demand from 64 rows).
 *   <li>Thread-safe: a {@link ConcurrentHashMap} of trackers, each with its own lock. {@link #snapshot()} is
 *       consistent per environment, not across environments. {@link #restore} validates the whole snapshot and
 *       builds every tracker before swapping the map in one step; updates racing with a restore may be lost, so
 *       restore at start-up or with updates paused.
 * </ul>
 */
public final class EnvironmentTrackers {
  private final TrackerConfig config;
  private final LongSupplier clock;
  private final TrackerListener listener;
  private volatile ConcurrentHashMap<String, EnvironmentTracker> trackers = new ConcurrentHashMap<>();

  public EnvironmentTrackers(TrackerConfig config, LongSupplier clock, TrackerListener listener) {
    this.config = config;
    this.clock = clock;
    this.listener = listener;
  }

  /** Default configuration, system clock, no listener. */
  public static EnvironmentTrackers ofDefaults() {
    return new EnvironmentTrackers(TrackerConfig.ofDefaults(), System::currentTimeMillis, TrackerListener.NONE);
  }

  public TrackerConfig config() {
    return config;
  }

  /**
   * Records one outcome for {@code envId}, creating the environment (learning mode) on first use.
   *
   * @throws IllegalArgumentException for a blank id, a non-probability or a non-0/1 label; nothing is created
   */
  public void update(String envId, double p, int y) {
    Probability.check(p);
    Probability.checkLabel(y);
    tracker(envId).update(p, y);
  }

  /** As {@link #update(String, double, int)}, at the event's own time (epoch ms). */
  public void update(String envId, double p, int y, long eventTimeMillis) {
    Probability.check(p);
    Probability.checkLabel(y);
    tracker(envId).update(p, y, eventTimeMillis);
  }

  /** The tracker of {@code envId}, created (learning mode) when absent. */
  public EnvironmentTracker tracker(String envId) {
    ConcurrentHashMap<String, EnvironmentTracker> map = trackers;
    EnvironmentTracker t = map.get(envId);
    if (t != null) {
      return t;
    }
    if (envId.isBlank()) {
      throw new IllegalArgumentException("envId must not be blank but was '" + envId + "'");
    }
    return map.computeIfAbsent(envId, id -> new EnvironmentTracker(id, config, clock, listener));
  }

  /** The state of {@code envId}, or the documented unknown-environment state when it was never seen. */
  public EnvironmentState state(String envId) {
    EnvironmentTracker t = trackers.get(envId);
    return t == null ? EnvironmentState.unknown(envId, config) : t.state();
  }

  /**
   * The O(1) evidence of {@code envId} ({@link EnvironmentTracker#evidence()}), or {@link
   * EnvironmentEvidence#unknown} when it was never seen (without creating it).
   */
  public EnvironmentEvidence evidence(String envId) {
    EnvironmentTracker t = trackers.get(envId);
    return t == null ? EnvironmentEvidence.unknown(envId, config) : t.evidence();
  }

  /** The scope of {@code envId} (O(1)); ESCALATE when it was never seen. */
  public Scope scope(String envId) {
    EnvironmentTracker t = trackers.get(envId);
    return t == null ? Scope.ESCALATE : t.scope();
  }

  /** Records a recalibration of {@code envId} (creating it when absent); returns the new version. */
  public long recalibrated(String envId, String method) {
    return tracker(envId).recalibrated(method);
  }

  /** The environment ids, sorted. */
  public Set<String> environments() {
    return new TreeSet<>(trackers.keySet());
  }

  public int size() {
    return trackers.size();
  }

  /** States of every environment, by sorted id. */
  public Map<String, EnvironmentState> states() {
    Map<String, EnvironmentState> out = new LinkedHashMap<>();
    for (String id : environments()) {
      out.put(id, state(id));
    }
    return out;
  }

  /** Every environment's state as a plain value, by sorted id. */
  public TrackersSnapshot snapshot() {
    ConcurrentHashMap<String, EnvironmentTracker> map = trackers;
    List<String> ids = new ArrayList<>(new TreeSet<>(map.keySet()));
    List<TrackerSnapshot> snaps = new ArrayList<>(ids.size());
    for (String id : ids) {
      snaps.add(map.get(id).snapshot());
    }
    return new TrackersSnapshot(TrackersSnapshot.FORMAT_VERSION, config.windowSize(), config.bins(), ids, snaps);
  }

  /**
   * Replaces every environment with the snapshot's. Everything is validated and every tracker built before the
   * swap, so a bad snapshot changes nothing.
   *
   * @throws IllegalArgumentException naming the offending field (and environment)
   */
  public void restore(TrackersSnapshot snapshot) {
    trackers = build(snapshot);
  }

  /** A new fleet holding {@code snapshot}. */
  public static EnvironmentTrackers restore(
      TrackersSnapshot snapshot, TrackerConfig config, LongSupplier clock, TrackerListener listener) {
    EnvironmentTrackers fleet = new EnvironmentTrackers(config, clock, listener);
    fleet.restore(snapshot);
    return fleet;
  }

  private ConcurrentHashMap<String, EnvironmentTracker> build(TrackersSnapshot s) {
    if (s.formatVersion() != TrackersSnapshot.FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "formatVersion must be " + TrackersSnapshot.FORMAT_VERSION + " but was " + s.formatVersion());
    }
    if (s.bins() != config.bins()) {
      throw new IllegalArgumentException("bins must be " + config.bins() + " (the configuration's) but was "
          + s.bins());
    }
    if (s.windowSize() < 1) {
      throw new IllegalArgumentException("windowSize must be ≥ 1 but was " + s.windowSize());
    }
    List<String> ids = s.environmentIds();
    List<TrackerSnapshot> snaps = s.trackers();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        throw new IllegalArgumentException("environmentIds[" + i + "] repeats '" + ids.get(i) + "'");
      }
    }
    if (snaps.size() != ids.size()) {
      throw new IllegalArgumentException(
          "trackers must hold one entry per environment id (" + ids.size() + ") but held " + snaps.size());
    }
    ConcurrentHashMap<String, EnvironmentTracker> map = new ConcurrentHashMap<>();
    for (int i = 0; i < snaps.size(); i++) {
      String id = snaps.get(i).envId();
      if (!id.equals(ids.get(i))) {
        throw new IllegalArgumentException("trackers[" + i + "].envId '" + id + "' is not environmentIds[" + i
            + "] '" + ids.get(i) + "'" + (seen.contains(id) ? "" : " (unknown environment id)"));
      }
      map.put(id, EnvironmentTracker.restore(snaps.get(i), config, clock, listener));
    }
    return map;
  }
}
