package io.vgac.testkit.vgac;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A fake VGAC platform: the REST contract's four endpoints over real HTTP/1.1 on 127.0.0.1 (an ephemeral port),
 * served from scripted state, with every request recorded and faults injected on demand.
 *
 * <pre>{@code
 * try (FakeVgacServer vgac = FakeVgacServer.start()) {
 *   vgac.clusterState(state).calibration(VgacWire.calibration(0.02, 2000, false, null));
 *   vgac.failNext(Fault.status(503), Fault.tooManyRequests("1"));   // the next two responses
 *   VgacClient client = VgacClient.create(VgacClientConfig.builder().baseUrl(vgac.baseUrl()).build());
 *   ...
 *   assertThat(vgac.requestCount(FakeVgacServer.CLUSTER_SUMMARY)).isEqualTo(3);
 * }
 * }</pre>
 *
 * Until scripted, each endpoint answers the contract's example body (the queue is empty). Bodies are given as
 * anything Jackson writes (a {@link JsonNode}, a Map, a record) or as a raw JSON {@code String}. A one-shot fault is
 * used by the next request (to its path, or to any path); a persistent fault by every request until
 * {@link #healthy()}; one-shot faults go first. Unknown paths answer 404. Thread-safe.
 */
public final class FakeVgacServer implements AutoCloseable {
  public static final String PREDICT_WAIT = "/api/predict/wait";
  public static final String CLUSTER_SUMMARY = "/api/cluster/summary";
  public static final String JOBS_QUEUE = "/api/jobs/queue";
  public static final String CALIBRATION = "/api/jobs/predict/calibration";

  private static final String ANY = "*";

  static {
    // The JDK server writes headers and body in two segments; with Nagle on, the body waits for the client's
    // delayed ACK (~40 ms a response). Read once, by the first HttpServer of the JVM.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Queue<Fault>> oneShot = new ConcurrentHashMap<>();
  private final Map<String, Fault> persistent = new ConcurrentHashMap<>();
  private volatile Supplier<?> summary = () -> example(
      "{\"cluster_id\":\"eks-prod-gpu\",\"scheduler_type\":\"kubernetes\",\"total_nodes\":4,\"ready_nodes\":4,"
          + "\"total_gpus\":32,\"available_gpus\":12,\"gpu_utilization\":0.78,\"pending_jobs\":12,"
          + "\"running_jobs\":8,\"queue_depth\":12}");
  private volatile Supplier<?> queue = () -> List.of();
  private volatile Supplier<?> calibration = () -> example("{\"ece\":0.018,\"brier_score\":0.12,\"sample_count\":1847,"
      + "\"last_recalibration\":\"2026-02-01T00:00:00Z\",\"recalibration_needed\":false}");
  private volatile Function<JsonNode, ?> predict = request -> example("{\"probability_long_wait\":0.87,"
      + "\"estimated_wait_seconds\":3600,\"wait_category\":\"high\",\"confidence\":0.92,\"is_calibrated\":true,"
      + "\"recommendation\":\"Consider lower priority queue\",\"latency_us\":8500}");
  private volatile @Nullable String requiredKey;

  private FakeVgacServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    int id = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-vgac-" + id + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  public static FakeVgacServer start() {
    try {
      return new FakeVgacServer();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake VGAC server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the client's base URL. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  // ---------------------------------------------------------------- scripted state

  /** The body of {@code GET /api/cluster/summary}. */
  public FakeVgacServer clusterSummary(Object body) {
    summary = () -> body;
    return this;
  }

  /** The body of {@code GET /api/cluster/summary}, computed per request (e.g. from a test clock). */
  public FakeVgacServer clusterSummary(Supplier<?> body) {
    summary = body;
    return this;
  }

  /** Serves {@code state} as the cluster summary ({@link VgacWire#summary}). */
  public FakeVgacServer clusterState(ClusterState state) {
    return clusterSummary(VgacWire.summary(state));
  }

  /** The body of {@code GET /api/jobs/queue}: a list, or an object such as {@code {"jobs": [...]}}. */
  public FakeVgacServer queue(Object body) {
    queue = () -> body;
    return this;
  }

  /** The body of {@code GET /api/jobs/queue}, computed per request. */
  public FakeVgacServer queue(Supplier<?> body) {
    queue = body;
    return this;
  }

  /** The body of {@code GET /api/jobs/predict/calibration}. */
  public FakeVgacServer calibration(Object body) {
    calibration = () -> body;
    return this;
  }

  /** The body of every {@code POST /api/predict/wait}. */
  public FakeVgacServer predictResponse(Object body) {
    predict = request -> body;
    return this;
  }

  /** Answers {@code POST /api/predict/wait} with {@code answer} of the parsed request body (throw → HTTP 500). */
  public FakeVgacServer predictWith(Function<JsonNode, ?> answer) {
    predict = answer;
    return this;
  }

  /** Requires {@code Authorization: Bearer <key>} on every request (401 otherwise); null to require nothing. */
  public FakeVgacServer requireApiKey(@Nullable String key) {
    requiredKey = key;
    return this;
  }

  // ---------------------------------------------------------------- faults

  /** The next responses (to any path), one fault each, in order. */
  public FakeVgacServer failNext(Fault... faults) {
    return failNext(ANY, faults);
  }

  /** The next responses to {@code path}, one fault each, in order. */
  public FakeVgacServer failNext(String path, Fault... faults) {
    oneShot.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(Arrays.asList(faults));
    return this;
  }

  /** Every response (to any path) gets {@code fault} until {@link #healthy()}. */
  public FakeVgacServer failAlways(Fault fault) {
    return failAlways(ANY, fault);
  }

  /** Every response to {@code path} gets {@code fault} until {@link #healthy()}. */
  public FakeVgacServer failAlways(String path, Fault fault) {
    persistent.put(path, fault);
    return this;
  }

  /** Removes every pending and persistent fault. */
  public FakeVgacServer healthy() {
    oneShot.clear();
    persistent.clear();
    return this;
  }

  // ---------------------------------------------------------------- recorded requests

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests to {@code path}, oldest first. */
  public List<RecordedRequest> requests(String path) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.path().equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  public int requestCount(String path) {
    return requests(path).size();
  }

  public void clearRequests() {
    requests.clear();
  }

  /** Stops at once: open exchanges (slow bodies, delays) are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- serving

  private void handle(HttpExchange x) {
    try (x) {
      String path = x.getRequestURI().getPath();
      String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new TreeMap<>();
      x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      String query = x.getRequestURI().getRawQuery();
      requests.add(new RecordedRequest(x.getRequestMethod(), path, query == null ? "" : query, Map.copyOf(headers),
          body));
      Fault fault = fault(path);
      if (fault instanceof Fault.DropConnection) {
        return; // closing the exchange before any header closes the connection
      }
      if (fault instanceof Fault.DelayHeaders d) {
        Thread.sleep(d.delay().toMillis());
      }
      if (fault instanceof Fault.Status s) {
        send(x, s.status(), "{\"detail\":\"injected HTTP " + s.status() + "\"}");
        return;
      }
      if (fault instanceof Fault.TooManyRequests t) {
        x.getResponseHeaders().set("Retry-After", t.retryAfter());
        send(x, 429, "{\"detail\":\"rate limited\"}");
        return;
      }
      if (fault instanceof Fault.MalformedJson) {
        send(x, 200, "{\"cluster_id\": oops, <html>not json</html>");
        return;
      }
      String key = requiredKey;
      if (key != null && !("Bearer " + key).equals(x.getRequestHeaders().getFirst("Authorization"))) {
        send(x, 401, "{\"detail\":\"Not authenticated\"}");
        return;
      }
      Answer a = answer(x.getRequestMethod(), path, body);
      byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
      if (fault instanceof Fault.TruncatedJson) {
        send(x, a.status(), Arrays.copyOf(bytes, bytes.length / 2));
      } else if (fault instanceof Fault.ContentLengthMismatch) {
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(a.status(), bytes.length);
        OutputStream out = x.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush(); // closing the exchange with bytes missing drops the connection
      } else if (fault instanceof Fault.Trickle t) {
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(a.status(), bytes.length);
        OutputStream out = x.getResponseBody();
        for (byte b : bytes) {
          out.write(b);
          out.flush();
          Thread.sleep(t.perByte().toMillis());
        }
      } else {
        send(x, a.status(), bytes);
      }
    } catch (IOException e) {
      // the client went away (or a fault cut the exchange short): nothing to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closing
    }
  }

  private @Nullable Fault fault(String path) {
    for (String k : List.of(path, ANY)) {
      Queue<Fault> q = oneShot.get(k);
      Fault f = q == null ? null : q.poll();
      if (f != null) {
        return f;
      }
    }
    Fault f = persistent.get(path);
    return f != null ? f : persistent.get(ANY);
  }

  private record Answer(int status, String body) {}

  private Answer answer(String method, String path, String body) {
    try {
      switch (path) {
        case CLUSTER_SUMMARY:
          return get(method, summary);
        case JOBS_QUEUE:
          return get(method, queue);
        case CALIBRATION:
          return get(method, calibration);
        case PREDICT_WAIT:
          if (!method.equals("POST")) {
            return new Answer(405, "{\"detail\":\"Method Not Allowed\"}");
          }
          JsonNode request;
          try {
            request = AgentsJson.mapper().readTree(body);
          } catch (JsonProcessingException e) {
            return new Answer(422, "{\"detail\":\"invalid JSON\"}");
          }
          return new Answer(200, json(predict.apply(request)));
        default:
          return new Answer(404, "{\"detail\":\"Not Found\"}");
      }
    } catch (RuntimeException e) {
      return new Answer(500, "{\"detail\":\"scripted answer failed: " + e.getClass().getSimpleName() + "\"}");
    }
  }

  private static Answer get(String method, Supplier<?> body) {
    return method.equals("GET") ? new Answer(200, json(body.get()))
        : new Answer(405, "{\"detail\":\"Method Not Allowed\"}");
  }

  private static String json(@Nullable Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return AgentsJson.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the scripted body as JSON", e);
    }
  }

  private static JsonNode example(String json) {
    try {
      return AgentsJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    send(x, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }
}
