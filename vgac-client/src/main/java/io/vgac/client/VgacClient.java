package io.vgac.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.SchedulerType;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The client of one VGAC platform (one base URL, one cluster). Thread-safe; share one instance.
 *
 * <pre>{@code
 * VgacClient vgac = VgacClient.create(VgacClientConfig.fromEnvironment(System.getenv()));
 * Agents agents = Agents.builder()
 *     .telemetry(vgac.telemetry()).predictor(vgac.predictor()).evidence(vgac.evidence())
 *     .build();
 * }</pre>
 *
 * Every call either returns a valid value or throws a {@link VgacClientException}: transient failures are retried
 * (bounded, jittered exponential backoff honouring {@code Retry-After}); a circuit breaker shared by all endpoints
 * fails calls fast after repeated failures. The agents treat any exception as "unknown": no prediction, and
 * escalation instead of action.
 */
public final class VgacClient {
  private final VgacClientConfig config;
  private final Clock clock;
  private final ResilientTransport transport;
  private volatile @Nullable String learnedClusterId;

  private VgacClient(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    HttpClient http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .version(HttpClient.Version.HTTP_1_1) // the platform speaks plain HTTP/1.1; no h2c upgrade attempts
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    DoubleSupplier uniform = b.jitterSeed == null ? Math::random : Backoff.seeded(b.jitterSeed);
    this.transport = new ResilientTransport(config, http, clock, b.sleeper, uniform);
  }

  /** A client with the system clock, real sleeps and unseeded jitter. */
  public static VgacClient create(VgacClientConfig config) {
    return builder(config).build();
  }

  public static Builder builder(VgacClientConfig config) {
    return new Builder(config);
  }

  public VgacClientConfig config() {
    return config;
  }

  /** The clock of observation times, evidence ages, {@code Retry-After} dates and the breaker's open wait. */
  public Clock clock() {
    return clock;
  }

  /** The breaker guarding every call (for its state, metrics and events). */
  public CircuitBreaker circuitBreaker() {
    return transport.breaker();
  }

  /**
   * {@code GET /api/cluster/summary} as a {@link ClusterState}: nodes are the ready nodes; observed at the
   * response's optional {@code observed_at} (ISO-8601, an extension of the contract), else now on {@link #clock()}.
   *
   * @throws BadResponseException also when the platform reports a cluster other than the configured one, or the
   *     scheduler type {@code unknown} with no {@link VgacClientConfig#unknownSchedulerType()}
   */
  public ClusterState clusterState() {
    ClusterState s = transport.call(Endpoint.CLUSTER_SUMMARY, null, true, this::toClusterState);
    learnedClusterId = s.clusterId();
    return s;
  }

  /**
   * The cluster this platform serves: the configured one, else learned from the first summary (one request, then
   * remembered).
   */
  public String platformClusterId() {
    String id = config.clusterId().orElse(learnedClusterId);
    return id != null ? id : clusterState().clusterId();
  }

  /** {@code GET /api/jobs/queue}: every job listed (any state), in the platform's order. */
  public List<QueuedJob> queue() {
    String cluster = platformClusterId();
    return transport.call(Endpoint.JOBS_QUEUE, null, true, n -> queue(n, cluster));
  }

  /** The jobs of {@link #queue()} in state {@code pending}, oldest submission first (ties by job id). */
  public List<QueuedJob> pendingJobs() {
    List<QueuedJob> out = new ArrayList<>();
    for (QueuedJob q : queue()) {
      if (q.state() == JobState.PENDING) {
        out.add(q);
      }
    }
    out.sort(Comparator.comparing((QueuedJob q) -> q.job().submitTime()).thenComparing(q -> q.job().jobId()));
    return out;
  }

  /** {@code POST /api/predict/wait}; retried only when {@link VgacClientConfig#retryPredict()}. */
  public WaitEstimate predictWait(JobSpec spec) {
    return transport.call(Endpoint.PREDICT_WAIT, spec.toJson(), config.retryPredict(), WaitEstimate::from);
  }

  /** {@code GET /api/jobs/predict/calibration}. */
  public PlatformCalibration calibration() {
    return transport.call(Endpoint.CALIBRATION, null, true, PlatformCalibration::from);
  }

  /** This platform as the agents' {@link io.vgac.agents.spi.ClusterTelemetry}. */
  public VgacClusterTelemetry telemetry() {
    return new VgacClusterTelemetry(this);
  }

  /** This platform as the agents' {@link io.vgac.agents.spi.WaitTimePredictor}. */
  public VgacWaitTimePredictor predictor() {
    return new VgacWaitTimePredictor(this);
  }

  /** This platform's calibration as the gate's evidence, with the default cache and policies. */
  public PlatformCalibrationEvidence evidence() {
    return new PlatformCalibrationEvidence(this);
  }

  private ClusterState toClusterState(JsonNode n) {
    Fields.object(n, "cluster summary");
    String id = Fields.text(n, "cluster_id");
    String expected = config.clusterId().orElse(null);
    if (expected != null && !expected.equals(id)) {
      throw new IllegalArgumentException("the platform reports cluster '" + id + "' but the client is configured "
          + "for cluster '" + expected + "'");
    }
    Instant observed = Fields.instant(n, "observed_at");
    return new ClusterState(id, schedulerType(Fields.text(n, "scheduler_type")), Fields.integer(n, "ready_nodes"),
        Fields.integer(n, "total_gpus"), Fields.integer(n, "available_gpus"), Fields.number(n, "gpu_utilization"),
        Fields.integer(n, "pending_jobs"), Fields.integer(n, "running_jobs"), Fields.integer(n, "queue_depth"),
        observed != null ? observed : clock.instant());
  }

  private SchedulerType schedulerType(String wire) {
    switch (wire.toLowerCase(Locale.ROOT)) {
      case "kubernetes":
        return SchedulerType.KUBERNETES;
      case "slurm":
        return SchedulerType.SLURM;
      case "batch":
        return SchedulerType.AWS_BATCH;
      default:
        return config.unknownSchedulerType().orElseThrow(() -> new IllegalArgumentException("field "
            + "'scheduler_type' is '" + wire + "', which maps to no scheduler type (configure unknownSchedulerType "
            + "to accept it)"));
    }
  }

  private static List<QueuedJob> queue(JsonNode n, String cluster) {
    JsonNode list = n.isObject() ? Fields.required(n, "jobs") : n;
    if (!list.isArray()) {
      throw new IllegalArgumentException("the queue must be a JSON array or {\"jobs\": [...]} but was "
          + n.getNodeType());
    }
    List<QueuedJob> out = new ArrayList<>(list.size());
    for (JsonNode j : list) {
      out.add(QueuedJob.from(j, cluster));
    }
    return out;
  }

  /** Optional collaborators; tests inject a clock, a sleeper and a jitter seed. */
  public static final class Builder {
    private final VgacClientConfig config;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable Long jitterSeed;
    private @Nullable HttpClient httpClient;

    private Builder(VgacClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How waits between attempts are done (default: {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Seeds the backoff jitter (reproducible waits); unseeded by default. */
    public Builder jitterSeed(long seed) {
      this.jitterSeed = seed;
      return this;
    }

    /**
     * The HTTP client to use (e.g. with a proxy or TLS settings); its own connect timeout then applies instead of
     * {@link VgacClientConfig#connectTimeout()}. Default: a new HTTP/1.1 client.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    public VgacClient build() {
      return new VgacClient(this);
    }
  }
}
