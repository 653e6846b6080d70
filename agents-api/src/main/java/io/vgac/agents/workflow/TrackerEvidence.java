package io.vgac.agents.workflow;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTracker;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.QualificationMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflow's {@link EvidenceSource} over live trackers, cheap enough to ask once per job.
 *
 * <p>A tracker's full {@link EnvironmentState} carries a bootstrap interval and a noise floor, recomputed after every
 * outcome: milliseconds, too slow per job. So the full state is re-read at most once per {@code refresh} per
 * environment and reported with the time it was read ({@link CalibrationEvidence#observedAt()}, so the gate's age
 * limit still applies). What can only get worse in between is narrowed with the tracker's live O(1) answers: the
 * scope is the narrower of the cached and the live scope, the qualified tier the lower of both (live only in POINT
 * qualification mode, where it is O(1)), and the autonomy state is the live one. The ECE, its interval, the score,
 * the sample count and the drift band are those of the cached state (at most {@code refresh} old). With a zero
 * refresh every call reads the full state.
 *
 * <p>An environment never seen gives the tracker's unknown state (learning, 0 samples), which escalates.
 * Thread-safe; two threads may both re-read an expired state (harmless).
 */
public final class TrackerEvidence implements EvidenceSource {
  /** How long a full state is reused. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private final EnvironmentTrackers trackers;
  private final Clock clock;
  private final Duration refresh;
  private final boolean liveTier;
  private final ConcurrentHashMap<String, Read> cache = new ConcurrentHashMap<>();

  private record Read(EnvironmentState state, Instant at) {}

  /**
   * @param refresh how long a full state is reused; ≥ 0
   */
  public TrackerEvidence(EnvironmentTrackers trackers, Clock clock, Duration refresh) {
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh must be ≥ 0 but was " + refresh);
    }
    this.trackers = trackers;
    this.clock = clock;
    this.refresh = refresh;
    this.liveTier = trackers.config().qualificationMode() == QualificationMode.POINT;
  }

  public TrackerEvidence(EnvironmentTrackers trackers, Clock clock) {
    this(trackers, clock, DEFAULT_REFRESH);
  }

  @Override
  public CalibrationEvidence evidence(String envId) {
    Instant now = clock.instant();
    Read r = cache.get(envId);
    if (r == null || refresh.isZero() || Duration.between(r.at(), now).compareTo(refresh) >= 0
        || now.isBefore(r.at())) {
      r = new Read(trackers.state(envId), now);
      if (!refresh.isZero()) {
        cache.put(envId, r);
      }
    }
    CalibrationEvidence e = CalibrationEvidence.from(r.state(), r.at());
    if (r.state().sampleCount() == 0) {
      return e; // unknown (never updated): escalates; asking the live tracker would create it
    }
    EnvironmentTracker live = trackers.tracker(envId);
    int tier = liveTier ? Math.min(e.qualifiedTier(), live.qualifiedTier()) : e.qualifiedTier();
    return new CalibrationEvidence(e.envId(), e.sampleCount(), e.learning(), e.calibrationScore(),
        e.scope().min(live.scope()), tier, e.ece(), e.eceInterval(), e.drift(), live.machineState(),
        e.observedAt());
  }

  /** Forgets the cached states (e.g. after a restore or a recalibration recorded elsewhere). */
  public void invalidateAll() {
    cache.clear();
  }
}
