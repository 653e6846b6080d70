package io.vgac.agents.tools;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.vgac.agents.store.ProfileRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Environment profiles read through a Caffeine cache with a TTL (a store such as DynamoDB is asked at most once per
 * TTL per cluster), where a profile last updated more than the maximum age ago — or with no update time — counts as
 * <em>unknown</em> (empty): a months-old profile must not pass for today's. Caffeine's ticker reads the injected clock,
 * so a test clock moves both. A source that throws is not cached. Thread-safe.
 */
public final class CachedProfiles {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private final Duration maxAge;
  private final Clock clock;
  private final LoadingCache<String, Optional<ProfileRecord>> cache;

  /**
   * @param source where profiles come from, e.g. {@code store::profile} or {@code learner::profile}
   * @throws IllegalArgumentException for a negative TTL or a maximum age that is not positive
   */
  public CachedProfiles(Function<String, Optional<ProfileRecord>> source, Duration ttl, Duration maxAge,
      Clock clock) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be ≥ 0 but was " + ttl);
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be > 0 but was " + maxAge);
    }
    this.maxAge = maxAge;
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(DEFAULT_MAXIMUM_SIZE)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
        .executor(Runnable::run)
        .build(source::apply);
  }

  /** Profiles from {@code source} with the default TTL and maximum age. */
  public static CachedProfiles ofDefaults(Function<String, Optional<ProfileRecord>> source, Clock clock) {
    return new CachedProfiles(source, DEFAULT_TTL, DEFAULT_MAX_AGE, clock);
  }

  /** The profile of {@code clusterId}; empty when there is none, it has no update time, or it is too old. */
  public Optional<ProfileRecord> profile(String clusterId) {
    Optional<ProfileRecord> p = cache.get(clusterId);
    if (p.isEmpty()) {
      return p;
    }
    Instant updated = p.get().updatedAt();
    if (updated == null || Duration.between(updated, clock.instant()).abs().compareTo(maxAge) > 0) {
      return Optional.empty();
    }
    return p;
  }

  /** Drops the cached profile of {@code clusterId} (e.g. after it was updated). */
  public void invalidate(String clusterId) {
    cache.invalidate(clusterId);
  }

  public Duration maxAge() {
    return maxAge;
  }
}
