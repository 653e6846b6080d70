package io.vgac.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} endpoint for Slack's interactivity Request URL: POST {@link #DEFAULT_PATH} → {@link
 * SlackInteractionHandler} → the result's status (200 with an empty body; 400/401/500 with the outcome's name).
 * Bodies over {@link #MAX_BODY_BYTES} are refused with 413, other methods with 405. Put it behind your TLS
 * terminator: Slack only calls https URLs.
 */
public final class SlackInteractionServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionServer.class);
  /** Where Slack posts interactions unless told otherwise. */
  public static final String DEFAULT_PATH = "/slack/interactions";
  /** Slack's interaction payloads carry the whole message; 1 MiB is far above any of them. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpServer server;

  private SlackInteractionServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving {@code handler} on {@code address} (port 0: any free port) at {@code path}.
   *
   * @throws IOException when the address cannot be bound
   */
  public static SlackInteractionServer start(SlackInteractionHandler handler, InetSocketAddress address, String path)
      throws IOException {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/' but was '" + path + "'");
    }
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(path, exchange -> serve(handler, exchange));
    server.start();
    return new SlackInteractionServer(server);
  }

  /** The bound address (with the actual port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void serve(SlackInteractionHandler handler, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().add("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : exchange.getRequestHeaders().entrySet()) {
        if (!e.getValue().isEmpty()) {
          headers.put(e.getKey(), e.getValue().get(0));
        }
      }
      InteractionResult r;
      try {
        r = handler.handle(headers, new String(body, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        LOG.warn("Slack interaction handler failed", e);
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      if (r.httpStatus() == 200) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      byte[] text = r.outcome().name().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(r.httpStatus(), text.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(text);
      }
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
