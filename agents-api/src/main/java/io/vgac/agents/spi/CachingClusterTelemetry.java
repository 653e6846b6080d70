package io.vgac.agents.spi;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterTelemetry} in front of another one: answers are cached for {@link Builder#ttl} (so a busy
 * workflow does not ask a scheduler once per job), and a state observed more than {@link Builder#maxAge} ago — or
 * dated that far in the future — is answered as <em>unknown</em> (empty): a prediction from an old queue state would
 * look as trustworthy as a fresh one, so it is not made.
 *
 * <p>Both times come from one injected {@link Clock}; Caffeine's ticker reads the same clock, so a test clock moves
 * both (the clock must not run backwards). A delegate that throws is not cached: the exception reaches the caller
 * (unwrapped), and the next call asks again. Thread-safe.
 */
public final class CachingClusterTelemetry implements ClusterTelemetry {
  /** How long an answer is reused before the delegate is asked again. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
  /** A state older than this is unknown. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
  /** Clusters whose answers are cached at once. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private final ClusterTelemetry delegate;
  private final Duration maxAge;
  private final Clock clock;
  private final LoadingCache<String, Optional<ClusterState>> states;
  private final LoadingCache<String, List<Job>> pending;

  private CachingClusterTelemetry(Builder b) {
    this.delegate = b.delegate;
    this.maxAge = b.maxAge;
    this.clock = b.clock;
    Clock c = b.clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(c.millis());
    this.states = Caffeine.newBuilder()
        .expireAfterWrite(b.ttl)
        .maximumSize(b.maximumSize)
        .ticker(ticker)
        .executor(Runnable::run) // no background threads: maintenance runs on the caller
        .build(delegate::clusterState);
    this.pending = Caffeine.newBuilder()
        .expireAfterWrite(b.ttl)
        .maximumSize(b.maximumSize)
        .ticker(ticker)
        .executor(Runnable::run)
        .build(delegate::pendingJobs);
  }

  public static Builder builder(ClusterTelemetry delegate) {
    return new Builder(delegate);
  }

  /** The in-memory telemetry behind a cache with the default TTL and maximum age, on {@code clock}. */
  public static CachingClusterTelemetry ofDefaults(ClusterTelemetry delegate, Clock clock) {
    return builder(delegate).clock(clock).build();
  }

  public Duration maxAge() {
    return maxAge;
  }

  /** The cached state, or empty when unknown, or observed more than the maximum age ago (or ahead). */
  @Override
  public Optional<ClusterState> clusterState(String clusterId) {
    Optional<ClusterState> s = load(states, clusterId);
    if (s.isEmpty()) {
      return s;
    }
    Instant now = clock.instant();
    Duration age = Duration.between(s.get().observedAt(), now);
    return age.abs().compareTo(maxAge) > 0 ? Optional.empty() : s;
  }

  @Override
  public List<Job> pendingJobs(String clusterId) {
    return load(pending, clusterId);
  }

  /** Drops every cached answer (e.g. after a cluster was reconfigured). */
  public void invalidateAll() {
    states.invalidateAll();
    pending.invalidateAll();
  }

  private static <V> V load(LoadingCache<String, V> cache, String key) {
    try {
      return cache.get(key);
    } catch (CompletionException e) {
      // Caffeine wraps checked exceptions only; keep the delegate's own exception visible to the caller
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : e;
    }
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private final ClusterTelemetry delegate;
    private Duration ttl = DEFAULT_TTL;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Clock clock = Clock.systemUTC();

    private Builder(ClusterTelemetry delegate) {
      this.delegate = delegate;
    }

    /** How long an answer is reused; ≥ 0 (0: ask the delegate every time). */
    public Builder ttl(Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must be ≥ 0 but was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** States observed longer ago than this are unknown; &gt; 0. */
    public Builder maxAge(Duration maxAge) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maxAge must be > 0 but was " + maxAge);
      }
      this.maxAge = maxAge;
      return this;
    }

    /** Clusters cached at once; ≥ 1. */
    public Builder maximumSize(long size) {
      if (size < 1) {
        throw new IllegalArgumentException("maximumSize must be ≥ 1 but was " + size);
      }
      this.maximumSize = size;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public CachingClusterTelemetry build() {
      return new CachingClusterTelemetry(this);
    }
  }
}
