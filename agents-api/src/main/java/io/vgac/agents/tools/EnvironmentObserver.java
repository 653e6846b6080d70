package io.vgac.agents.tools;

import io.vgac.agents.model.ClusterState;
import io.vgac.calibration.anomaly.AnomalyScore;
import io.vgac.calibration.anomaly.SeasonalAnomalyConfig;
import io.vgac.calibration.anomaly.SeasonalAnomalyDetector;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The observer's learned view of each cluster's metrics: one {@link SeasonalAnomalyDetector} per cluster and metric
 * (bounded memory each), fed with telemetry. A state is learned once: one at or before the latest seen for that
 * cluster and metric (the same state read again, or a clock that went backwards) is skipped and counted, never
 * learned twice. Thread-safe; updates are atomic per cluster and metric.
 */
public final class EnvironmentObserver {
  private final SeasonalAnomalyConfig config;
  private final ConcurrentHashMap<String, Series> series = new ConcurrentHashMap<>();
  private final AtomicLong skipped = new AtomicLong();

  /** @param config the detector settings; each metric's scale floor ({@link AnomalyMetric#minScale}) is applied */
  public EnvironmentObserver(SeasonalAnomalyConfig config) {
    this.config = config;
  }

  public static EnvironmentObserver ofDefaults() {
    return new EnvironmentObserver(SeasonalAnomalyConfig.ofDefaults());
  }

  /** Learns the queue depth and GPU utilisation of {@code state}. */
  public void observe(ClusterState state) {
    observe(state.clusterId(), AnomalyMetric.QUEUE_DEPTH, state.observedAt(), state.queueDepth());
    observe(state.clusterId(), AnomalyMetric.GPU_UTIL, state.observedAt(), state.gpuUtilization());
  }

  /**
   * Scores and learns one value; empty when it was skipped as not newer than the latest one.
   *
   * @throws IllegalArgumentException for a blank cluster id or a non-finite value
   */
  public Optional<AnomalyScore> observe(String clusterId, AnomalyMetric metric, Instant at, double value) {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(metric.wireName() + " must be finite but was " + value);
    }
    Series s = series.computeIfAbsent(clusterId + '\u0000' + metric.name(), k -> new Series(
        new SeasonalAnomalyDetector(config.toBuilder().minScale(Math.max(config.minScale(), metric.minScale()))
            .build())));
    synchronized (s) {
      long t = at.toEpochMilli();
      if (s.latest != null && t <= s.latestMillis) {
        skipped.incrementAndGet();
        return Optional.empty();
      }
      s.latest = s.detector.observe(t, value);
      s.latestMillis = t;
      s.latestAt = at;
      return Optional.of(s.latest);
    }
  }

  /** The verdict on the latest value learned for {@code clusterId} and {@code metric}, with its time. */
  public Optional<Observation> latest(String clusterId, AnomalyMetric metric) {
    Series s = series.get(clusterId + '\u0000' + metric.name());
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return s.latest == null || s.latestAt == null ? Optional.empty()
          : Optional.of(new Observation(s.latest, s.latestAt, s.detector.hoursOfHistory()));
    }
  }

  /** Values skipped as not newer than the latest one (repeated reads, clocks going backwards). */
  public long skipped() {
    return skipped.get();
  }

  /**
   * A verdict and when its value was observed.
   *
   * @param score the verdict
   * @param observedAt when the value was observed
   * @param hoursOfHistory finished hours the profile had learned
   */
  public record Observation(AnomalyScore score, Instant observedAt, long hoursOfHistory) {}

  private static final class Series {
    final SeasonalAnomalyDetector detector;
    @Nullable AnomalyScore latest;
    long latestMillis;
    @Nullable Instant latestAt;

    Series(SeasonalAnomalyDetector detector) {
      this.detector = detector;
    }
  }
}
