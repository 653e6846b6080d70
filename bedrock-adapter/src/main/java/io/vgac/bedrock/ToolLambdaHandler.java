package io.vgac.bedrock;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.Agents;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.tools.ToolRegistry;
import io.vgac.agents.tools.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The design's Lambda entry point: an event {@code {"tool_name": "...", "parameters": {...}}} → the tool's
 * {@code {"success": true, "data": ...}} or {@code {"success": false, "error": "..."}}, through the same
 * {@link ToolRegistry} as the agents (each call validated against the tool's JSON Schema; the scheduler tools only
 * through the action gate). A malformed event (not JSON, not an object, no {@code tool_name}, {@code parameters} not
 * an object) gives a failure result, never an exception; at most {@value #MAX_EVENT_BYTES} bytes are read.
 *
 * <p>Deploy a subclass whose no-argument constructor passes the registry of your wiring (the Lambda runtime builds
 * the handler with its no-argument constructor, once per container):
 *
 * <pre>{@code
 * public final class MyToolHandler extends ToolLambdaHandler {
 *   public MyToolHandler() { super(MyWiring.agents()::tools); }
 * }
 * }</pre>
 *
 * The no-argument constructor of this class uses {@link Agents#ofDefaults()} (in-memory, per container): enough to
 * try the function, not to run it.
 */
public class ToolLambdaHandler implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ToolLambdaHandler.class);
  /** Events above this size are refused (API Gateway and Lambda cap payloads at 6 MB; tool calls are small). */
  public static final int MAX_EVENT_BYTES = 256 * 1024;

  private final Supplier<ToolRegistry> tools;
  private @Nullable ToolRegistry resolved;

  /** Over the tools of {@link Agents#ofDefaults()}, built at the first event. */
  public ToolLambdaHandler() {
    this(() -> Agents.ofDefaults().tools());
  }

  /** Over {@code tools}, looked up once, at the first event (so a cold start without events builds nothing). */
  public ToolLambdaHandler(Supplier<ToolRegistry> tools) {
    this.tools = tools;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, @Nullable Context context) throws IOException {
    ToolResult result = handle(input.readNBytes(MAX_EVENT_BYTES + 1));
    output.write(result.toJsonString().getBytes(StandardCharsets.UTF_8));
    output.flush();
  }

  /** The result of one event given as its bytes; never throws. */
  public ToolResult handle(byte[] event) {
    if (event.length > MAX_EVENT_BYTES) {
      return ToolResult.failure("Event too large: more than " + MAX_EVENT_BYTES + " bytes");
    }
    JsonNode n;
    try {
      n = AgentsJson.mapper().readTree(event);
    } catch (IOException e) {
      return ToolResult.failure("Malformed event: not JSON");
    }
    if (n == null || !n.isObject()) {
      return ToolResult.failure("Malformed event: expected {\"tool_name\": ..., \"parameters\": {...}}");
    }
    JsonNode name = n.get("tool_name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      return ToolResult.failure("Malformed event: tool_name must be a non-empty string");
    }
    JsonNode parameters = n.get("parameters");
    if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
      return ToolResult.failure("Malformed event: parameters must be an object");
    }
    ToolRegistry registry;
    try {
      registry = registry();
    } catch (RuntimeException e) {
      LOG.error("Tool registry unavailable", e);
      return ToolResult.failure("Tools unavailable: " + e.getClass().getSimpleName());
    }
    ToolResult r = registry.call(name.asText(), parameters);
    LOG.info("tool {} success={}", Logs.safe(name.asText()), r.success());
    return r;
  }

  private synchronized ToolRegistry registry() {
    if (resolved == null) {
      resolved = tools.get();
    }
    return resolved;
  }
}
