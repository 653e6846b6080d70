package io.vgac.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Immutable configuration of the Slack adapter, from a fail-fast {@link Builder} or {@link #fromEnvironment}.
 *
 * <p><b>Secrets.</b> The webhook URL (its path is a bearer token) and the signing secret never appear in
 * {@link #toString()}, in log lines or in exception messages: validation errors name the field or environment
 * variable and the rule, never the value. Their accessors are package-private.
 */
public final class SlackConfig {
  /** Environment variable of the incoming-webhook URL. */
  public static final String ENV_WEBHOOK_URL = "SLACK_WEBHOOK_URL";
  /** Environment variable of the app's signing secret (for interactive approvals). */
  public static final String ENV_SIGNING_SECRET = "SLACK_SIGNING_SECRET";

  /** The design's alert channel, used for the messages the adapter composes itself (pending approvals). */
  public static final String DEFAULT_CHANNEL = "#gpu-alerts";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Per attempt. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  /** Retries after the first attempt, for 429, 5xx and I/O failures. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final int MAX_RETRIES_LIMIT = 10;
  /** First backoff; doubled per retry up to {@link #DEFAULT_MAX_BACKOFF}. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
  /** Longest wait between attempts, also the cap on a 429's Retry-After. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  /** Alerts waiting to be posted; beyond this, new alerts are dropped and counted. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;
  public static final int MAX_QUEUE_CAPACITY = 1_000_000;
  /** Slack's replay window: a signed request older (or newer) than this is refused. */
  public static final Duration DEFAULT_MAX_REQUEST_AGE = Duration.ofMinutes(5);

  private final URI webhookUrl;
  private final @Nullable String signingSecret;
  private final String channel;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int queueCapacity;
  private final Duration maxRequestAge;

  private SlackConfig(Builder b, URI webhookUrl) {
    this.webhookUrl = webhookUrl;
    this.signingSecret = b.signingSecret;
    this.channel = b.channel;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.queueCapacity = b.queueCapacity;
    this.maxRequestAge = b.maxRequestAge;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The configuration from environment variables: {@value #ENV_WEBHOOK_URL} (required) and
   * {@value #ENV_SIGNING_SECRET} (optional: without it there are no interactive approvals); every other setting
   * keeps its default.
   *
   * @throws IllegalArgumentException naming the variable (never its value) when it is missing or invalid
   */
  public static SlackConfig fromEnvironment(Map<String, String> env) {
    String url = env.get(ENV_WEBHOOK_URL);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(ENV_WEBHOOK_URL + " must be set to the Slack incoming-webhook URL");
    }
    Builder b = builder();
    try {
      b.webhookUrl(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ENV_WEBHOOK_URL + ": " + e.getMessage());
    }
    String secret = env.get(ENV_SIGNING_SECRET);
    if (secret != null) {
      try {
        b.signingSecret(secret);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ENV_SIGNING_SECRET + ": " + e.getMessage());
      }
    }
    return b.build();
  }

  URI webhookUrl() {
    return webhookUrl;
  }

  Optional<String> signingSecret() {
    return Optional.ofNullable(signingSecret);
  }

  /** Whether a signing secret is set (interactive approvals need one). */
  public boolean hasSigningSecret() {
    return signingSecret != null;
  }

  public String channel() {
    return channel;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public Duration maxRequestAge() {
    return maxRequestAge;
  }

  /** Every setting except the two secrets, which show as {@code <redacted>} (or {@code <unset>}). */
  @Override
  public String toString() {
    return "SlackConfig[webhookUrl=<redacted>, signingSecret=" + (signingSecret == null ? "<unset>" : "<redacted>")
        + ", channel=" + channel + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", queueCapacity=" + queueCapacity + ", maxRequestAge=" + maxRequestAge + "]";
  }

  /** Fail-fast builder; only the webhook URL is required. */
  public static final class Builder {
    private @Nullable URI webhookUrl;
    private @Nullable String signingSecret;
    private String channel = DEFAULT_CHANNEL;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private Duration maxRequestAge = DEFAULT_MAX_REQUEST_AGE;

    private Builder() {}

    /**
     * The incoming-webhook URL: https, or http to a loopback host (tests, a local relay).
     *
     * @throws IllegalArgumentException naming the rule broken, never the value (it is a secret)
     */
    public Builder webhookUrl(String url) {
      URI uri;
      try {
        uri = new URI(url.strip());
      } catch (URISyntaxException e) {
        // URISyntaxException's message quotes the input: not repeated here
        throw new IllegalArgumentException("webhookUrl is not a valid URI (value not shown: it is a secret)");
      }
      return webhookUrl(uri);
    }

    /** As {@link #webhookUrl(String)}. */
    public Builder webhookUrl(URI url) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      String host = url.getHost();
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException(
            "webhookUrl must be an absolute http(s) URL with a host (value not shown: it is a secret)");
      }
      boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
      if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
        throw new IllegalArgumentException("webhookUrl must use https (http only to a loopback host) but the "
            + "scheme was '" + scheme + "' (rest of the value not shown: it is a secret)");
      }
      this.webhookUrl = url;
      return this;
    }

    /**
     * The app's signing secret (Slack app settings → Basic Information).
     *
     * @throws IllegalArgumentException when blank
     */
    public Builder signingSecret(String secret) {
      if (secret.isBlank()) {
        throw new IllegalArgumentException("signingSecret must not be blank");
      }
      this.signingSecret = secret.strip();
      return this;
    }

    /** The channel of the messages the adapter composes itself; alerts keep their own channel. */
    public Builder channel(String channel) {
      if (channel.isBlank()) {
        throw new IllegalArgumentException("channel must not be blank but was '" + channel + "'");
      }
      this.channel = channel;
      return this;
    }

    /** In (0, 5 min]. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout, Duration.ofMinutes(5));
      return this;
    }

    /** Per attempt; in (0, 5 min]. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout, Duration.ofMinutes(5));
      return this;
    }

    /** In [0, {@value #MAX_RETRIES_LIMIT}]. */
    public Builder maxRetries(int retries) {
      if (retries < 0 || retries > MAX_RETRIES_LIMIT) {
        throw new IllegalArgumentException(
            "maxRetries must be in [0, " + MAX_RETRIES_LIMIT + "] but was " + retries);
      }
      this.maxRetries = retries;
      return this;
    }

    /** In [0, 5 min]; 0 retries at once (tests). */
    public Builder initialBackoff(Duration backoff) {
      if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("initialBackoff must be in [0, 5 min] but was " + backoff);
      }
      this.initialBackoff = backoff;
      return this;
    }

    /** In [0, 15 min]; also caps a 429's Retry-After. */
    public Builder maxBackoff(Duration backoff) {
      if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException("maxBackoff must be in [0, 15 min] but was " + backoff);
      }
      this.maxBackoff = backoff;
      return this;
    }

    /** In [1, {@value #MAX_QUEUE_CAPACITY}]. */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1 || capacity > MAX_QUEUE_CAPACITY) {
        throw new IllegalArgumentException(
            "queueCapacity must be in [1, " + MAX_QUEUE_CAPACITY + "] but was " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Replay window of signed interaction requests; in (0, 15 min] (Slack recommends 5 min). */
    public Builder maxRequestAge(Duration age) {
      this.maxRequestAge = positive("maxRequestAge", age, Duration.ofMinutes(15));
      return this;
    }

    /**
     * @throws IllegalArgumentException when the webhook URL is missing, or the initial backoff exceeds the maximum
     */
    public SlackConfig build() {
      URI url = webhookUrl;
      if (url == null) {
        throw new IllegalArgumentException("webhookUrl is required (or " + ENV_WEBHOOK_URL + " with fromEnvironment)");
      }
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException("initialBackoff must be ≤ maxBackoff (" + maxBackoff + ") but was "
            + initialBackoff);
      }
      return new SlackConfig(this, url);
    }

    private static Duration positive(String field, Duration d, Duration max) {
      if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(field + " must be in (0, " + max + "] but was " + d);
      }
      return d;
    }
  }
}
