package io.vgac.client;

import io.vgac.agents.model.SchedulerType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Immutable configuration of a {@link VgacClient}, from a fail-fast {@link Builder} (every rejected value is named
 * with its field and valid range; the API key is never echoed) or from environment variables
 * ({@link #fromEnvironment}).
 *
 * <p>Timeouts: {@link #connectTimeout()} bounds the TCP connect; {@link #requestTimeout()} is the total deadline of
 * one attempt (connect, headers and the whole body), so a body that trickles in slowly still ends the attempt on
 * time. A call makes at most {@link #maxAttempts()} attempts, waiting a jittered exponential backoff in between (at
 * least the server's {@code Retry-After}, capped by {@link #maxRetryAfter()}).
 */
public final class VgacClientConfig {
  public static final URI DEFAULT_BASE_URL = URI.create("http://localhost:8000");
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The platform contract's default timeout. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
  /** Each backoff is drawn uniformly from [(1 − jitter)·b, b] so that clients do not retry in lockstep. */
  public static final double DEFAULT_JITTER = 0.5;
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);
  /** The prediction endpoint computes and stores nothing the caller depends on, so it is retried like a read. */
  public static final boolean DEFAULT_RETRY_PREDICT = true;
  public static final float DEFAULT_FAILURE_RATE_THRESHOLD = 50f;
  public static final int DEFAULT_SLIDING_WINDOW_SIZE = 20;
  public static final int DEFAULT_MINIMUM_NUMBER_OF_CALLS = 10;
  public static final Duration DEFAULT_WAIT_IN_OPEN_STATE = Duration.ofSeconds(30);
  public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 2;

  static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  static final int MAX_ATTEMPTS_LIMIT = 10;

  private static final VgacClientConfig DEFAULTS = builder().build();

  private final URI baseUrl;
  private final @Nullable String apiKey;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double backoffMultiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final boolean retryPredict;
  private final float failureRateThreshold;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final Duration waitInOpenState;
  private final int permittedCallsInHalfOpenState;
  private final @Nullable String clusterId;
  private final @Nullable SchedulerType unknownSchedulerType;

  private VgacClientConfig(Builder b) {
    baseUrl = b.baseUrl;
    apiKey = b.apiKey;
    connectTimeout = b.connectTimeout;
    requestTimeout = b.requestTimeout;
    maxAttempts = b.maxAttempts;
    initialBackoff = b.initialBackoff;
    backoffMultiplier = b.backoffMultiplier;
    maxBackoff = b.maxBackoff;
    jitter = b.jitter;
    maxRetryAfter = b.maxRetryAfter;
    retryPredict = b.retryPredict;
    failureRateThreshold = b.failureRateThreshold;
    slidingWindowSize = b.slidingWindowSize;
    minimumNumberOfCalls = b.minimumNumberOfCalls;
    waitInOpenState = b.waitInOpenState;
    permittedCallsInHalfOpenState = b.permittedCallsInHalfOpenState;
    clusterId = b.clusterId;
    unknownSchedulerType = b.unknownSchedulerType;
  }

  /** Every default: {@code http://localhost:8000}, no API key. */
  public static VgacClientConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.baseUrl = baseUrl;
    b.apiKey = apiKey;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.backoffMultiplier = backoffMultiplier;
    b.maxBackoff = maxBackoff;
    b.jitter = jitter;
    b.maxRetryAfter = maxRetryAfter;
    b.retryPredict = retryPredict;
    b.failureRateThreshold = failureRateThreshold;
    b.slidingWindowSize = slidingWindowSize;
    b.minimumNumberOfCalls = minimumNumberOfCalls;
    b.waitInOpenState = waitInOpenState;
    b.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
    b.clusterId = clusterId;
    b.unknownSchedulerType = unknownSchedulerType;
    return b;
  }

  /**
   * The configuration in {@code env} (pass {@code System.getenv()}): {@value EnvironmentConfig#BASE_URL} (default
   * {@code http://localhost:8000}), {@value EnvironmentConfig#API_KEY} (optional; empty means none) and
   * {@value EnvironmentConfig#TIMEOUT_SECONDS} (the request timeout, default 10; the connect timeout is the smaller
   * of it and 5 s). Everything else is the default.
   *
   * @throws IllegalArgumentException naming the variable and its bad value (for the API key: only why it is bad)
   */
  public static VgacClientConfig fromEnvironment(Map<String, String> env) {
    return EnvironmentConfig.read(env);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The bearer token sent as {@code Authorization: Bearer …}; empty when none is configured. */
  public Optional<String> apiKey() {
    return Optional.ofNullable(apiKey);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Total deadline of one attempt: connect, response headers and the whole body. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Attempts per call, the first included (1 = no retry). */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public double backoffMultiplier() {
    return backoffMultiplier;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public double jitter() {
    return jitter;
  }

  /** The longest {@code Retry-After} honoured; a longer one is waited only this long. */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /** Whether {@code POST /api/predict/wait} is retried (it has no effect on the platform the caller relies on). */
  public boolean retryPredict() {
    return retryPredict;
  }

  /** Failure rate in percent at or above which the circuit opens. */
  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  /** Calls (attempts) in the breaker's count-based sliding window. */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** Calls recorded before the failure rate is evaluated. */
  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /** How long an open circuit fails fast before letting trial calls through (half-open). */
  public Duration waitInOpenState() {
    return waitInOpenState;
  }

  public int permittedCallsInHalfOpenState() {
    return permittedCallsInHalfOpenState;
  }

  /**
   * The cluster this platform serves; empty to learn it from {@code GET /api/cluster/summary}. When set, other
   * clusters are unknown without a request, and a platform reporting another cluster is a bad response.
   */
  public Optional<String> clusterId() {
    return Optional.ofNullable(clusterId);
  }

  /**
   * The scheduler type assumed when the platform reports {@code "unknown"}; empty (the default) makes such a summary
   * a bad response, so the agents see the cluster as unknown.
   */
  public Optional<SchedulerType> unknownSchedulerType() {
    return Optional.ofNullable(unknownSchedulerType);
  }

  @Override
  public String toString() {
    return "VgacClientConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxAttempts="
        + maxAttempts + ", initialBackoff=" + initialBackoff + ", backoffMultiplier=" + backoffMultiplier
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
        + ", retryPredict=" + retryPredict + ", failureRateThreshold=" + failureRateThreshold
        + ", slidingWindowSize=" + slidingWindowSize + ", minimumNumberOfCalls=" + minimumNumberOfCalls
        + ", waitInOpenState=" + waitInOpenState + ", permittedCallsInHalfOpenState="
        + permittedCallsInHalfOpenState + ", clusterId=" + clusterId + ", unknownSchedulerType="
        + unknownSchedulerType + "]";
  }

  /** Fail-fast builder: each setter checks its value and names the field and the valid range. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private @Nullable String apiKey;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private double jitter = DEFAULT_JITTER;
    private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
    private boolean retryPredict = DEFAULT_RETRY_PREDICT;
    private float failureRateThreshold = DEFAULT_FAILURE_RATE_THRESHOLD;
    private int slidingWindowSize = DEFAULT_SLIDING_WINDOW_SIZE;
    private int minimumNumberOfCalls = DEFAULT_MINIMUM_NUMBER_OF_CALLS;
    private Duration waitInOpenState = DEFAULT_WAIT_IN_OPEN_STATE;
    private int permittedCallsInHalfOpenState = DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE;
    private @Nullable String clusterId;
    private @Nullable SchedulerType unknownSchedulerType;

    private Builder() {}

    /** An absolute {@code http} or {@code https} URL without query or fragment, e.g. {@code http://localhost:8000}. */
    public Builder baseUrl(URI url) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
          || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL with a host and no user info, "
            + "query or fragment but was '" + url + "'");
      }
      String s = url.toString();
      this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      return this;
    }

    /** @see #baseUrl(URI) */
    public Builder baseUrl(String url) {
      URI u;
      try {
        u = new URI(url);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL but was '" + url + "'", e);
      }
      return baseUrl(u);
    }

    /**
     * The bearer token; null for none. It must be non-blank printable ASCII without spaces (it goes into a
     * header). The message of a rejection never contains the key.
     */
    public Builder apiKey(@Nullable String key) {
      if (key != null) {
        String why = ApiKeys.problem(key);
        if (why != null) {
          throw new IllegalArgumentException("apiKey " + why + " (value not shown)");
        }
      }
      this.apiKey = key;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout("connectTimeout", timeout);
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout("requestTimeout", timeout);
      return this;
    }

    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > MAX_ATTEMPTS_LIMIT) {
        throw new IllegalArgumentException(
            "maxAttempts must be in [1, " + MAX_ATTEMPTS_LIMIT + "] but was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = nonNegative("initialBackoff", backoff);
      return this;
    }

    public Builder backoffMultiplier(double multiplier) {
      if (!(multiplier >= 1 && multiplier <= 10)) {
        throw new IllegalArgumentException("backoffMultiplier must be in [1, 10] but was " + multiplier);
      }
      this.backoffMultiplier = multiplier;
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = nonNegative("maxBackoff", backoff);
      return this;
    }

    /** In [0, 1]: 0 waits exactly the exponential backoff, 1 anywhere between 0 and it. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1] but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    public Builder maxRetryAfter(Duration max) {
      this.maxRetryAfter = nonNegative("maxRetryAfter", max);
      return this;
    }

    public Builder retryPredict(boolean retry) {
      this.retryPredict = retry;
      return this;
    }

    public Builder failureRateThreshold(float percent) {
      if (!(percent > 0 && percent <= 100)) {
        throw new IllegalArgumentException("failureRateThreshold must be in (0, 100] but was " + percent);
      }
      this.failureRateThreshold = percent;
      return this;
    }

    public Builder slidingWindowSize(int calls) {
      if (calls < 1 || calls > 10_000) {
        throw new IllegalArgumentException("slidingWindowSize must be in [1, 10000] but was " + calls);
      }
      this.slidingWindowSize = calls;
      return this;
    }

    public Builder minimumNumberOfCalls(int calls) {
      if (calls < 1 || calls > 10_000) {
        throw new IllegalArgumentException("minimumNumberOfCalls must be in [1, 10000] but was " + calls);
      }
      this.minimumNumberOfCalls = calls;
      return this;
    }

    public Builder waitInOpenState(Duration wait) {
      if (wait.compareTo(Duration.ofMillis(1)) < 0 || wait.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("waitInOpenState must be in [1 ms, 1 h] but was " + wait);
      }
      this.waitInOpenState = wait;
      return this;
    }

    public Builder permittedCallsInHalfOpenState(int calls) {
      if (calls < 1 || calls > 1000) {
        throw new IllegalArgumentException("permittedCallsInHalfOpenState must be in [1, 1000] but was " + calls);
      }
      this.permittedCallsInHalfOpenState = calls;
      return this;
    }

    /** The cluster the platform serves (see {@link VgacClientConfig#clusterId()}); null to learn it. */
    public Builder clusterId(@Nullable String id) {
      if (id != null && id.isBlank()) {
        throw new IllegalArgumentException("clusterId must not be blank but was '" + id + "'");
      }
      this.clusterId = id;
      return this;
    }

    /** See {@link VgacClientConfig#unknownSchedulerType()}; null (the default) for none. */
    public Builder unknownSchedulerType(@Nullable SchedulerType type) {
      this.unknownSchedulerType = type;
      return this;
    }

    /** @throws IllegalArgumentException when maxBackoff is below initialBackoff */
    public VgacClientConfig build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff must be ≥ initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
      }
      return new VgacClientConfig(this);
    }

    private static Duration timeout(String field, Duration d) {
      if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(field + " must be in [1 ms, 10 min] but was " + d);
      }
      return d;
    }

    private static Duration nonNegative(String field, Duration d) {
      if (d.isNegative() || d.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(field + " must be in [0, 10 min] but was " + d);
      }
      return d;
    }
  }
}
