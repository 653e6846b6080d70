package io.vgac.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback incoming webhook: records every body posted to {@link #PATH} and answers with the scripted responses
 * in order (then 200 "ok"), the way Slack does: 200 "ok", 429 with Retry-After, 500, 400 "invalid_payload", or
 * slow (holds the request until {@link #close()}).
 */
final class FakeSlack implements AutoCloseable {
  /** Shaped like a real webhook path; its last segment plays the secret token. */
  static final String PATH = "/services/T0TEST/B0TEST/SeCrEtToKeN0123456789";
  static final String TOKEN = "SeCrEtToKeN0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted answer. */
  record Reply(int status, String body, String retryAfter, boolean slow) {
    static Reply ok() {
      return new Reply(200, "ok", "", false);
    }

    static Reply tooMany(String retryAfter) {
      return new Reply(429, "rate_limited", retryAfter, false);
    }

    static Reply serverError() {
      return new Reply(500, "internal_error", "", false);
    }

    static Reply invalidPayload() {
      return new Reply(400, "invalid_payload", "", false);
    }

    static Reply hanging() {
      return new Reply(200, "ok", "", true);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final BlockingQueue<Reply> script = new LinkedBlockingQueue<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  FakeSlack(Reply... replies) {
    script.addAll(List.of(replies));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext(PATH, exchange -> {
      try (exchange) {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply r = script.poll();
        if (r == null) {
          r = Reply.ok();
        }
        if (r.slow()) {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (!r.retryAfter().isEmpty()) {
          exchange.getResponseHeaders().add("Retry-After", r.retryAfter());
        }
        byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(r.status(), b.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(b);
        }
      } catch (IOException e) {
        // the client gave up (a timeout test): nothing to answer
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Every body received, oldest first. */
  List<String> bodies() {
    return List.copyOf(bodies);
  }

  List<JsonNode> payloads() {
    return bodies.stream().map(b -> {
      try {
        return JSON.readTree(b);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  /** Releases held replies and stops answering (connections are then refused). */
  void stop() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
