package io.vgac.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A fake Amazon Bedrock runtime endpoint on 127.0.0.1 (ephemeral port) that serves
 * {@code POST /model/{url-encoded model id}/converse} in the Converse API's JSON: it records each request as sent
 * (the SDK's real JSON, SigV4 headers included) and answers with the next scripted {@link ConverseReply}, or, when
 * the script is empty, with the {@link #respondWith responder} (by default a 400 ValidationException saying that
 * nothing was scripted, so an unexpected call fails loudly).
 *
 * <p>Any other path gets 404 {@code UnknownOperationException}; a body that is not JSON gets 400
 * {@code SerializationException}. Errors carry the {@code x-amzn-ErrorType} header as Bedrock sends it
 * ({@code Type:namespace}) and a {@code {"message": …}} body. A {@link ConverseReply#hang()} holds the exchange
 * until the server closes (at most 30 s), to exercise client timeouts without sleeping in the test.
 *
 * <pre>{@code
 * try (FakeConverseServer bedrock = FakeConverseServer.start()) {
 *   bedrock.enqueue(ConverseReply.throttling(), ConverseReply.text("{\"actions\":[]}"));
 *   // point the client at bedrock.endpoint() with any static credentials and region
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class FakeConverseServer implements AutoCloseable {
  private static final Pattern CONVERSE = Pattern.compile("/model/([^/]+)/converse");
  private static final String NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs each exchange can
    // stall for tens of milliseconds. Read once, when the JDK's server configuration is first loaded.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<ConverseReply> script = new ArrayDeque<>();
  private final List<RecordedConverseRequest> requests = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private Function<RecordedConverseRequest, ConverseReply> responder =
      r -> ConverseReply.validation("FakeConverseServer: no reply was scripted for request " + r.rawPath());

  private FakeConverseServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  public static FakeConverseServer start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "fake-converse");
      t.setDaemon(true);
      return t;
    });
    FakeConverseServer fake = new FakeConverseServer(server, executor);
    server.createContext("/", fake::handle);
    server.setExecutor(executor);
    server.start();
    return fake;
  }

  /** The base URI to use as the client's endpoint override, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  /** Appends replies to the script; each request takes the next one. */
  public synchronized FakeConverseServer enqueue(ConverseReply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** What to answer when the script is empty (e.g. the same plan to every request). */
  public synchronized FakeConverseServer respondWith(Function<RecordedConverseRequest, ConverseReply> responder) {
    this.responder = responder;
    return this;
  }

  /** Scripted replies not yet used. */
  public synchronized int pending() {
    return script.size();
  }

  /** Every request received so far, oldest first. */
  public synchronized List<RecordedConverseRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests to the Converse path, oldest first. */
  public synchronized List<RecordedConverseRequest> converseRequests() {
    return requests.stream().filter(r -> r.modelId() != null).toList();
  }

  public synchronized void clear() {
    requests.clear();
    script.clear();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      byte[] raw;
      try (InputStream in = x.getRequestBody()) {
        raw = in.readAllBytes();
      }
      String rawPath = x.getRequestURI().getRawPath();
      Matcher m = CONVERSE.matcher(rawPath);
      String modelId = m.matches()
          ? URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8)
          : null;
      Map<String, String> headers = new LinkedHashMap<>();
      x.getRequestHeaders().forEach((k, v) -> {
        if (!v.isEmpty()) {
          headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
        }
      });
      JsonNode body = parse(raw);
      RecordedConverseRequest r = new RecordedConverseRequest(x.getRequestMethod(), rawPath, modelId, headers, body);
      ConverseReply reply;
      synchronized (this) {
        requests.add(r);
        if (modelId == null || !"POST".equals(x.getRequestMethod())) {
          reply = ConverseReply.error(404, "UnknownOperationException", "No operation at " + rawPath);
        } else if (body.isMissingNode()) {
          reply = ConverseReply.error(400, "SerializationException", "The request body is not JSON");
        } else {
          ConverseReply next = script.poll();
          reply = next != null ? next : responder.apply(r);
        }
      }
      if (reply.hangs()) {
        try {
          closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      send(x, reply);
    }
  }

  private static JsonNode parse(byte[] raw) {
    try {
      JsonNode n = ConverseReply.JSON.readTree(raw);
      return n == null ? MissingNode.getInstance() : n;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  private static void send(HttpExchange x, ConverseReply reply) throws IOException {
    byte[] out = ConverseReply.JSON.writeValueAsBytes(reply.body());
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    @Nullable String type = reply.errorType();
    if (type != null) {
      x.getResponseHeaders().set("x-amzn-ErrorType", type + NAMESPACE);
    }
    x.sendResponseHeaders(reply.status(), out.length);
    try (OutputStream o = x.getResponseBody()) {
      o.write(out);
    }
  }
}
