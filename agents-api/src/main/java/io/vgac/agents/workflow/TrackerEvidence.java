package io.vgac.agents.workflow;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.calibration.tracker.EnvironmentEvidence;
import io.vgac.calibration.tracker.EnvironmentTracker;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.QualificationMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The workflow's {@link EvidenceSource} over live trackers, read per job.
 *
 * <p>Every call reads the tracker's O(1) {@link EnvironmentTracker#evidence()}: sample count, learning, window ECE,
 * score, scope, point tier, autonomy state and ECE-ratio band are those of the tracker at that moment, observed
 * now. The ECE interval is reported when the tracker already knows it for the current window (an analytic bound, or
 * a bootstrap cached by an earlier {@code state()}); otherwise its ends are NaN, since a bootstrap per job would cost
 * milliseconds. No decision reads the interval.
 *
 * <p>In UPPER_BOUND qualification mode with a bootstrap bound, the tier needs the bootstrap. It is computed (and
 * cached by the tracker until its next update) at most once per {@code refresh} per environment; in between, the tier
 * is the lower of the last computed upper-bound tier and the live point tier (the upper-bound tier never exceeds
 * the point tier). With a zero refresh it is recomputed whenever the window changed. In POINT mode (the default)
 * {@code refresh} plays no part.
 *
 * <p>An environment never seen gives the tracker's unknown evidence (learning, 0 samples), which escalates, without
 * creating it. Thread-safe; two threads may both recompute an expired bound (harmless).
 */
public final class TrackerEvidence implements EvidenceSource {
  /** How long an upper-bound tier is reused in UPPER_BOUND mode before the bootstrap is run again. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private final EnvironmentTrackers trackers;
  private final Clock clock;
  private final Duration refresh;
  private final double level;
  private final @Nullable IntervalController intervals;
  private final ConcurrentHashMap<String, UpperTier> upperTiers = new ConcurrentHashMap<>();

  private record UpperTier(int tier, Instant at) {}

  /**
   * @param refresh how long an upper-bound tier is reused (UPPER_BOUND mode only); ≥ 0
   */
  public TrackerEvidence(EnvironmentTrackers trackers, Clock clock, Duration refresh) {
    this(trackers, clock, refresh, null);
  }

  /**
   * Evidence that also carries the realised coverage of {@code intervals} (for the tools and the decision log; no
   * decision reads it).
   */
  public TrackerEvidence(EnvironmentTrackers trackers, Clock clock, Duration refresh,
      @Nullable IntervalController intervals) {
    this.intervals = intervals;
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh must be ≥ 0 but was " + refresh);
    }
    this.trackers = trackers;
    this.clock = clock;
    this.refresh = refresh;
    this.level = trackers.config().upperBoundLevel();
  }

  public TrackerEvidence(EnvironmentTrackers trackers, Clock clock) {
    this(trackers, clock, DEFAULT_REFRESH);
  }

  @Override
  public CalibrationEvidence evidence(String envId) {
    Instant now = clock.instant();
    EnvironmentEvidence e = trackers.evidence(envId);
    OptionalInt known = e.qualifiedTier();
    int tier;
    if (known.isPresent()) {
      tier = known.getAsInt();
    } else if (e.sampleCount() == 0) {
      tier = 0; // unknown (never updated): escalates; asking the live tracker would create it
    } else {
      tier = upperTier(envId, e.tier().point(), now);
    }
    return new CalibrationEvidence(e.envId(), e.sampleCount(), e.learning(), e.calibrationScore(), e.scope(), tier,
        e.windowEce(), e.windowEceInterval(level), e.drift(), e.machineState(), now,
        intervals == null ? null : intervals.coverage(envId));
  }

  /** UPPER_BOUND mode with the bound unknown: reuse a recent bootstrap tier (capped by the live point tier). */
  private int upperTier(String envId, int pointTier, Instant now) {
    assert trackers.config().qualificationMode() == QualificationMode.UPPER_BOUND;
    UpperTier u = upperTiers.get(envId);
    if (u != null && !refresh.isZero() && Duration.between(u.at(), now).compareTo(refresh) < 0
        && !now.isBefore(u.at())) {
      return Math.min(u.tier(), pointTier);
    }
    int tier = trackers.tracker(envId).qualifiedTier(); // runs the bootstrap; the tracker caches it
    upperTiers.put(envId, new UpperTier(tier, now));
    return tier;
  }

  /** Forgets the reused upper-bound tiers (e.g. after a restore or a recalibration recorded elsewhere). */
  public void invalidateAll() {
    upperTiers.clear();
  }
}
