package io.vgac.agents.store;

import io.vgac.agents.model.Checks;
import io.vgac.calibration.tracker.TrackersSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CalibrationStore} in memory: for tests, demos and single-process runs that need no state across restarts.
 * Thread-safe and lock-free. The tracker snapshot is kept as its JSON text, so what comes back went through the same
 * serialisation as in a durable store. Expired predictions are never returned and are dropped now and then on append.
 */
public final class InMemoryCalibrationStore implements CalibrationStore {
  /** Appends between two sweeps of expired predictions. */
  private static final int SWEEP_EVERY = 1024;

  private final Clock clock;
  private final ConcurrentHashMap<String, CalibrationRecord> calibrations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ProfileRecord> profiles = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Instant, PredictionRecord>> predictions =
      new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable String> trackersJson = new AtomicReference<>();
  private final AtomicLong appends = new AtomicLong();

  /** A store whose prediction expiry is judged by {@code clock}. */
  public InMemoryCalibrationStore(Clock clock) {
    this.clock = Checks.required("clock", clock);
  }

  /** A store on the system clock (UTC). */
  public InMemoryCalibrationStore() {
    this(Clock.systemUTC());
  }

  @Override
  public void putCalibration(CalibrationRecord record) {
    calibrations.put(Checks.required("record", record).clusterId(), record);
  }

  @Override
  public Optional<CalibrationRecord> calibration(String clusterId) {
    return Optional.ofNullable(calibrations.get(Checks.id("cluster_id", clusterId)));
  }

  @Override
  public List<CalibrationRecord> calibrations() {
    return calibrations.values().stream()
        .sorted((a, b) -> a.clusterId().compareTo(b.clusterId()))
        .toList();
  }

  @Override
  public void putProfile(ProfileRecord profile) {
    profiles.put(Checks.required("profile", profile).clusterId(), profile);
  }

  @Override
  public Optional<ProfileRecord> profile(String clusterId) {
    return Optional.ofNullable(profiles.get(Checks.id("cluster_id", clusterId)));
  }

  @Override
  public void appendPrediction(PredictionRecord prediction) {
    Checks.required("prediction", prediction);
    Instant now = clock.instant();
    if (prediction.isExpiredAt(now)) {
      throw new IllegalArgumentException("expires_at must be after now (" + now + ") but was "
          + prediction.expiresAt());
    }
    predictions.computeIfAbsent(prediction.clusterId(), k -> new ConcurrentSkipListMap<>())
        .put(prediction.timestamp(), prediction);
    if (appends.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
  }

  @Override
  public List<PredictionRecord> predictions(String clusterId, Instant from, Instant to) {
    Checks.id("cluster_id", clusterId);
    checkRange(from, to);
    ConcurrentSkipListMap<Instant, PredictionRecord> all = predictions.get(clusterId);
    if (all == null) {
      return List.of();
    }
    Instant now = clock.instant();
    ConcurrentNavigableMap<Instant, PredictionRecord> range = all.subMap(from, true, to, false);
    List<PredictionRecord> out = new ArrayList<>(range.size());
    for (PredictionRecord p : range.values()) {
      if (!p.isExpiredAt(now)) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void saveTrackers(TrackersSnapshot snapshot) {
    trackersJson.set(StoreJson.write(Checks.required("snapshot", snapshot)));
  }

  @Override
  public Optional<TrackersSnapshot> loadTrackers() {
    String json = trackersJson.get();
    return json == null ? Optional.empty() : Optional.of(StoreJson.read(json, TrackersSnapshot.class));
  }

  private void sweep(Instant now) {
    for (Map<Instant, PredictionRecord> byTime : predictions.values()) {
      byTime.values().removeIf(p -> p.isExpiredAt(now));
    }
  }

  static void checkRange(Instant from, Instant to) {
    Checks.required("from", from);
    Checks.required("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + ") but was " + to);
    }
  }
}
