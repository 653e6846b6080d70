package io.vgac.agents.tools;

import com.tdunning.math.stats.MergingDigest;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.agents.store.ProfileSketch;
import io.vgac.agents.store.WaitQuantiles;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Learns each cluster's profile online, in bounded memory, from telemetry and outcomes: {@code avg_queue_depth} and
 * {@code avg_gpu_utilization} (means of every accepted state), {@code typical_wait_minutes} (the median wait) and the
 * wait quantiles (a t-digest, compression {@value #DEFAULT_COMPRESSION}: a few KB whatever the number of jobs), and
 * {@code peak_hours} (the hours of day, UTC, of submission whose mean wait is highest: up to
 * {@value #DEFAULT_PEAK_HOURS} hours with at least {@value #DEFAULT_MIN_WAITS_PER_HOUR} waits each, and a mean above
 * the overall mean).
 *
 * <p>Bad input never corrupts a profile; each is skipped and counted per cluster ({@link #skips}): a state at or
 * before the latest accepted one (repeated or clock backwards), a start for an unknown job, a second outcome for the
 * same job, a negative or non-finite wait. Job ids are remembered in bounded LRU maps
 * ({@value #DEFAULT_MAX_TRACKED_JOBS} pending and as many finished, per cluster); a job forgotten by the bound is
 * reported as unknown, never double-counted within the bound.
 *
 * <p>Persistence: {@link #save} writes a {@link ProfileRecord} whose {@link ProfileSketch} carries the whole learner
 * state; {@link #restore} resumes from it. Thread-safe; updates are atomic per cluster.
 */
public final class EnvironmentProfileLearner {
  public static final double DEFAULT_COMPRESSION = 100;
  public static final int DEFAULT_PEAK_HOURS = 3;
  public static final int DEFAULT_MIN_WAITS_PER_HOUR = 5;
  public static final int DEFAULT_MAX_TRACKED_JOBS = 100_000;

  private final Clock clock;
  private final int maxTrackedJobs;
  private final ConcurrentHashMap<String, Learner> learners = new ConcurrentHashMap<>();

  public EnvironmentProfileLearner(Clock clock, int maxTrackedJobs) {
    if (maxTrackedJobs < 1) {
      throw new IllegalArgumentException("maxTrackedJobs must be ≥ 1 but was " + maxTrackedJobs);
    }
    this.clock = clock;
    this.maxTrackedJobs = maxTrackedJobs;
  }

  public EnvironmentProfileLearner(Clock clock) {
    this(clock, DEFAULT_MAX_TRACKED_JOBS);
  }

  /** Learns the queue depth and GPU utilisation of {@code state}. */
  public ProfileUpdate observe(ClusterState state) {
    Learner l = learner(state.clusterId());
    synchronized (l) {
      return l.observe(state);
    }
  }

  /** Remembers a submission, so its start gives a wait. */
  public ProfileUpdate jobSubmitted(String clusterId, String jobId, Instant submittedAt) {
    Learner l = learner(clusterId);
    synchronized (l) {
      if (l.finished.containsKey(jobId) || l.pending.containsKey(jobId)) {
        return l.skip(ProfileUpdate.DUPLICATE);
      }
      l.pending.put(jobId, submittedAt);
      return ProfileUpdate.ACCEPTED;
    }
  }

  /** A job started: its wait (start − submission) is learned. */
  public ProfileUpdate jobStarted(String clusterId, String jobId, Instant startedAt) {
    Learner l = learner(clusterId);
    synchronized (l) {
      if (l.finished.containsKey(jobId)) {
        return l.skip(ProfileUpdate.DUPLICATE);
      }
      Instant submitted = l.pending.get(jobId);
      if (submitted == null) {
        return l.skip(ProfileUpdate.UNKNOWN_JOB);
      }
      double wait = (startedAt.toEpochMilli() - submitted.toEpochMilli()) / 1000.0;
      ProfileUpdate u = l.recordWait(jobId, submitted, wait);
      if (u.accepted()) {
        l.pending.remove(jobId);
      }
      return u;
    }
  }

  /** An outcome that carries its wait (e.g. a replayed trace); {@code waitSeconds} may be NaN for "missing". */
  public ProfileUpdate recordWait(String clusterId, String jobId, Instant submittedAt, double waitSeconds) {
    Learner l = learner(clusterId);
    synchronized (l) {
      ProfileUpdate u = l.recordWait(jobId, submittedAt, waitSeconds);
      if (u.accepted()) {
        l.pending.remove(jobId);
      }
      return u;
    }
  }

  /** The learned profile; empty for a cluster with nothing learned. */
  public Optional<ProfileRecord> profile(String clusterId) {
    Learner l = learners.get(clusterId);
    if (l == null) {
      return Optional.empty();
    }
    synchronized (l) {
      return l.hasData() ? Optional.of(l.record(clusterId)) : Optional.empty();
    }
  }

  /** Skipped inputs of {@code clusterId}, by reason (only reasons that occurred). */
  public Map<ProfileUpdate, Long> skips(String clusterId) {
    Learner l = learners.get(clusterId);
    if (l == null) {
      return Map.of();
    }
    synchronized (l) {
      return Map.copyOf(l.skips);
    }
  }

  /** Clusters with a learner, sorted. */
  public List<String> clusters() {
    List<String> ids = new ArrayList<>(learners.keySet());
    ids.sort(null);
    return ids;
  }

  /** Writes every learned profile to {@code store}. */
  public void save(CalibrationStore store) {
    for (String id : clusters()) {
      profile(id).ifPresent(store::putProfile);
    }
  }

  /**
   * Resumes {@code clusterId}'s learner from the profile in {@code store}; returns whether a learner state was
   * found (a profile without a sketch, e.g. set by hand, is not a learner state).
   */
  public boolean restore(CalibrationStore store, String clusterId) {
    Optional<ProfileRecord> p = store.profile(clusterId);
    if (p.isEmpty() || p.get().sketch() == null) {
      return false;
    }
    Learner l = new Learner(maxTrackedJobs);
    l.load(p.get().sketch());
    learners.put(clusterId, l);
    return true;
  }

  private Learner learner(String clusterId) {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    return learners.computeIfAbsent(clusterId, k -> new Learner(maxTrackedJobs));
  }

  private final class Learner {
    long queueSamples;
    double queueSum;
    long gpuSamples;
    double gpuSum;
    final long[] hourCounts = new long[24];
    final double[] hourSeconds = new double[24];
    MergingDigest digest = new MergingDigest(DEFAULT_COMPRESSION);
    @Nullable Instant lastTelemetry;
    final Map<String, Instant> pending;
    final Map<String, Boolean> finished;
    final EnumMap<ProfileUpdate, Long> skips = new EnumMap<>(ProfileUpdate.class);

    Learner(int bound) {
      pending = lru(bound);
      finished = lru(bound);
    }

    void load(ProfileSketch s) {
      queueSamples = s.queueSamples();
      queueSum = s.queueDepthSum();
      gpuSamples = s.gpuSamples();
      gpuSum = s.gpuUtilizationSum();
      System.arraycopy(s.hourWaitCounts(), 0, hourCounts, 0, 24);
      System.arraycopy(s.hourWaitSeconds(), 0, hourSeconds, 0, 24);
      byte[] bytes = Base64.getDecoder().decode(s.waitDigest());
      if (bytes.length > 0) {
        try {
          digest = MergingDigest.fromBytes(ByteBuffer.wrap(bytes));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("wait_digest is not a t-digest: " + e, e);
        }
      }
      lastTelemetry = s.lastTelemetryAt();
    }

    ProfileUpdate observe(ClusterState s) {
      if (lastTelemetry != null && !s.observedAt().isAfter(lastTelemetry)) {
        return skip(ProfileUpdate.OUT_OF_ORDER);
      }
      lastTelemetry = s.observedAt();
      queueSamples++;
      queueSum += s.queueDepth();
      gpuSamples++;
      gpuSum += s.gpuUtilization();
      return ProfileUpdate.ACCEPTED;
    }

    ProfileUpdate recordWait(String jobId, Instant submittedAt, double wait) {
      if (jobId.isBlank()) {
        throw new IllegalArgumentException("jobId must not be blank but was '" + jobId + "'");
      }
      if (finished.containsKey(jobId)) {
        return skip(ProfileUpdate.DUPLICATE);
      }
      if (!Double.isFinite(wait)) {
        return skip(ProfileUpdate.MISSING_WAIT);
      }
      if (wait < 0) {
        return skip(ProfileUpdate.NEGATIVE_WAIT);
      }
      finished.put(jobId, Boolean.TRUE);
      int hour = submittedAt.atZone(ZoneOffset.UTC).getHour();
      hourCounts[hour]++;
      hourSeconds[hour] += wait;
      digest.add(wait);
      return ProfileUpdate.ACCEPTED;
    }

    ProfileUpdate skip(ProfileUpdate reason) {
      skips.merge(reason, 1L, Long::sum);
      return reason;
    }

    boolean hasData() {
      return queueSamples > 0 || digest.size() > 0;
    }

    ProfileRecord record(String clusterId) {
      // Merge the digest's buffer first: quantiles read from a half-merged buffer differ slightly from those after
      // serialisation merges it, and reading a profile must not change it.
      digest.compress();
      long waits = digest.size();
      WaitQuantiles q = null;
      double typical = 0;
      if (waits > 0) {
        double p50 = digest.quantile(0.5) / 60;
        double p90 = Math.max(p50, digest.quantile(0.9) / 60);
        double p95 = Math.max(p90, digest.quantile(0.95) / 60);
        double p99 = Math.max(p95, digest.quantile(0.99) / 60);
        q = new WaitQuantiles(waits, p50, p90, p95, p99);
        typical = p50;
      }
      return new ProfileRecord(clusterId,
          queueSamples == 0 ? 0 : queueSum / queueSamples,
          gpuSamples == 0 ? 0 : Math.min(1, gpuSum / gpuSamples),
          peakHours(), typical, clock.instant(), q, sketch());
    }

    List<Integer> peakHours() {
      long n = 0;
      double total = 0;
      for (int h = 0; h < 24; h++) {
        n += hourCounts[h];
        total += hourSeconds[h];
      }
      if (n == 0) {
        return List.of();
      }
      double overall = total / n;
      List<Integer> candidates = new ArrayList<>();
      for (int h = 0; h < 24; h++) {
        if (hourCounts[h] >= DEFAULT_MIN_WAITS_PER_HOUR && hourSeconds[h] / hourCounts[h] > overall) {
          candidates.add(h);
        }
      }
      candidates.sort((a, b) -> Double.compare(hourSeconds[b] / hourCounts[b], hourSeconds[a] / hourCounts[a]));
      return candidates.subList(0, Math.min(DEFAULT_PEAK_HOURS, candidates.size()));
    }

    ProfileSketch sketch() {
      ByteBuffer buf = ByteBuffer.allocate(digest.smallByteSize());
      digest.asSmallBytes(buf);
      return new ProfileSketch(queueSamples, queueSum, gpuSamples, Math.min(gpuSum, gpuSamples), hourCounts,
          hourSeconds, Base64.getEncoder().encodeToString(buf.array()), lastTelemetry);
    }
  }

  private static <V> Map<String, V> lru(int bound) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > bound;
      }
    };
  }
}
