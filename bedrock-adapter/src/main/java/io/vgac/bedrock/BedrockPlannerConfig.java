package io.vgac.bedrock;

import io.vgac.agents.tools.ToolCatalog;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Immutable configuration of a {@link BedrockPlanner}, from a fail-fast {@link Builder} ({@link #ofDefaults()} for
 * every default). Region and credentials are not set here unless given: the AWS SDK's default chains find them
 * ({@code AWS_REGION}, profiles, instance or container roles).
 */
public final class BedrockPlannerConfig {
  /** A Claude Haiku 4.5 cross-region inference profile. */
  public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
  /** Model turns per job (each a Converse call); the loop stops and falls back when reached. */
  public static final int DEFAULT_MAX_ROUND_TRIPS = 4;
  public static final int MAX_ROUND_TRIPS_LIMIT = 20;
  /** Output tokens per model turn. */
  public static final int DEFAULT_MAX_TOKENS = 1024;
  public static final int MAX_TOKENS_LIMIT = 8192;
  /** Deterministic sampling: the planner's answers should not vary run to run. */
  public static final double DEFAULT_TEMPERATURE = 0.0;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  /** The timeout of one HTTP attempt (socket read and the SDK's attempt timeout). */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
  /** Attempts per Converse call, the first included; retried on throttling, 5xx, timeouts and I/O errors. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final int MAX_ATTEMPTS_LIMIT = 10;
  /** First backoff (full jitter: a uniform wait in [0, min(max, base·2^retry)]). */
  public static final Duration DEFAULT_BASE_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
  /**
   * The tools the model may call: the read-only observer, predictor and calibrator tools, the two gated scheduler
   * tools and {@code tool_escalate_to_human}. Left out by default: free-text messages to any channel
   * ({@code tool_send_slack_notification}, {@code tool_create_alert}) and the calibrator's writes
   * ({@code tool_trigger_recalibration}, {@code tool_update_environment_profile}), which no gate checks.
   */
  public static final Set<String> DEFAULT_ALLOWED_TOOLS = Set.copyOf(List.of(
      ToolCatalog.GET_CLUSTER_STATE, ToolCatalog.GET_QUEUE_DEPTH, ToolCatalog.DETECT_ANOMALY,
      ToolCatalog.PREDICT_WAIT_TIME, ToolCatalog.GET_CALIBRATION_SCORE, ToolCatalog.GET_ENVIRONMENT_PROFILE,
      ToolCatalog.CHECK_CALIBRATION_DRIFT, ToolCatalog.GET_ALL_CALIBRATIONS,
      ToolCatalog.REQUEUE_JOB, ToolCatalog.ADJUST_PRIORITY, ToolCatalog.ESCALATE_TO_HUMAN));

  private static final BedrockPlannerConfig DEFAULTS = builder().build();

  private final String modelId;
  private final @Nullable String region;
  private final @Nullable URI endpointOverride;
  private final int maxRoundTrips;
  private final int maxTokens;
  private final double temperature;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxBackoff;
  private final Set<String> allowedTools;

  private BedrockPlannerConfig(Builder b) {
    modelId = b.modelId;
    region = b.region;
    endpointOverride = b.endpointOverride;
    maxRoundTrips = b.maxRoundTrips;
    maxTokens = b.maxTokens;
    temperature = b.temperature;
    connectTimeout = b.connectTimeout;
    attemptTimeout = b.attemptTimeout;
    maxAttempts = b.maxAttempts;
    baseBackoff = b.baseBackoff;
    maxBackoff = b.maxBackoff;
    allowedTools = Set.copyOf(b.allowedTools);
  }

  public static BedrockPlannerConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Bedrock model id or inference profile id. */
  public String modelId() {
    return modelId;
  }

  /** The region; null: the SDK's default region chain. */
  public @Nullable String region() {
    return region;
  }

  /** The endpoint to call instead of Bedrock's (tests, VPC endpoints); null: the region's endpoint. */
  public @Nullable URI endpointOverride() {
    return endpointOverride;
  }

  public int maxRoundTrips() {
    return maxRoundTrips;
  }

  public int maxTokens() {
    return maxTokens;
  }

  public double temperature() {
    return temperature;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseBackoff() {
    return baseBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The tool names the model is offered and may call (of those the registry has). */
  public Set<String> allowedTools() {
    return allowedTools;
  }

  @Override
  public String toString() {
    return "BedrockPlannerConfig[modelId=" + modelId + ", region=" + region + ", endpointOverride=" + endpointOverride
        + ", maxRoundTrips=" + maxRoundTrips + ", maxTokens=" + maxTokens + ", temperature=" + temperature
        + ", connectTimeout=" + connectTimeout + ", attemptTimeout=" + attemptTimeout + ", maxAttempts=" + maxAttempts
        + ", baseBackoff=" + baseBackoff + ", maxBackoff=" + maxBackoff + ", allowedTools=" + allowedTools + "]";
  }

  /** Fail-fast builder: each setter names the field, the value and the valid range. */
  public static final class Builder {
    private String modelId = DEFAULT_MODEL_ID;
    private @Nullable String region;
    private @Nullable URI endpointOverride;
    private int maxRoundTrips = DEFAULT_MAX_ROUND_TRIPS;
    private int maxTokens = DEFAULT_MAX_TOKENS;
    private double temperature = DEFAULT_TEMPERATURE;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration baseBackoff = DEFAULT_BASE_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Set<String> allowedTools = DEFAULT_ALLOWED_TOOLS;

    private Builder() {}

    public Builder modelId(String modelId) {
      if (modelId.isBlank() || modelId.length() > 2048) {
        throw new IllegalArgumentException("modelId must be 1–2048 non-blank characters but was '" + modelId + "'");
      }
      this.modelId = modelId;
      return this;
    }

    /** e.g. {@code us-east-1}; null: the SDK's default region chain. */
    public Builder region(@Nullable String region) {
      if (region != null && !region.matches("[a-z0-9-]{1,64}")) {
        throw new IllegalArgumentException("region must look like us-east-1 but was '" + region + "'");
      }
      this.region = region;
      return this;
    }

    /** An http(s) URI without a path beyond "/"; null: the region's Bedrock endpoint. */
    public Builder endpointOverride(@Nullable URI endpoint) {
      if (endpoint != null && (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?")
          || endpoint.getHost() == null)) {
        throw new IllegalArgumentException("endpointOverride must be an http(s) URI with a host but was " + endpoint);
      }
      this.endpointOverride = endpoint;
      return this;
    }

    public Builder maxRoundTrips(int n) {
      if (n < 1 || n > MAX_ROUND_TRIPS_LIMIT) {
        throw new IllegalArgumentException("maxRoundTrips must be in [1, " + MAX_ROUND_TRIPS_LIMIT + "] but was " + n);
      }
      this.maxRoundTrips = n;
      return this;
    }

    public Builder maxTokens(int n) {
      if (n < 1 || n > MAX_TOKENS_LIMIT) {
        throw new IllegalArgumentException("maxTokens must be in [1, " + MAX_TOKENS_LIMIT + "] but was " + n);
      }
      this.maxTokens = n;
      return this;
    }

    public Builder temperature(double t) {
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("temperature must be in [0, 1] but was " + t);
      }
      this.temperature = t;
      return this;
    }

    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive("connectTimeout", d);
      return this;
    }

    public Builder attemptTimeout(Duration d) {
      this.attemptTimeout = positive("attemptTimeout", d);
      return this;
    }

    public Builder maxAttempts(int n) {
      if (n < 1 || n > MAX_ATTEMPTS_LIMIT) {
        throw new IllegalArgumentException("maxAttempts must be in [1, " + MAX_ATTEMPTS_LIMIT + "] but was " + n);
      }
      this.maxAttempts = n;
      return this;
    }

    /** The first backoff; 0 retries at once (tests). */
    public Builder baseBackoff(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("baseBackoff must be ≥ 0 but was " + d);
      }
      this.baseBackoff = d;
      return this;
    }

    public Builder maxBackoff(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("maxBackoff must be ≥ 0 but was " + d);
      }
      this.maxBackoff = d;
      return this;
    }

    /** Tool names of {@link ToolCatalog}; the model is offered those the registry has. */
    public Builder allowedTools(Set<String> names) {
      Set<String> copy = new LinkedHashSet<>();
      for (String n : names) {
        ToolCatalog.spec(n); // IllegalArgumentException naming it when it is not a tool of the catalog
        copy.add(n);
      }
      this.allowedTools = copy;
      return this;
    }

    /** @throws IllegalArgumentException when maxBackoff is below baseBackoff */
    public BedrockPlannerConfig build() {
      if (maxBackoff.compareTo(baseBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must be ≥ baseBackoff (" + baseBackoff + ") but was "
            + maxBackoff);
      }
      return new BedrockPlannerConfig(this);
    }

    private static Duration positive(String field, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(field + " must be > 0 but was " + d);
      }
      return d;
    }
  }
}
