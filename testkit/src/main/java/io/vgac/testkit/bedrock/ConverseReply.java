package io.vgac.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One scripted answer of the {@link FakeConverseServer}: either a Converse response (assistant content blocks, a
 * {@code stopReason}, {@code usage} and {@code metrics}) or an error response (HTTP status, the
 * {@code x-amzn-ErrorType} header and a {@code {"message": …}} body), or a hang (no answer until the server closes,
 * to exercise client timeouts). Immutable.
 *
 * <pre>{@code
 * ConverseReply.builder().text("Checking calibration.").toolUse("t1", "tool_get_calibration_score",
 *     Json.object("cluster_id", "c")).stopReason("tool_use").usage(812, 64).latencyMs(420).build();
 * ConverseReply.throttling();
 * }</pre>
 */
public final class ConverseReply {
  static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final @Nullable String errorType;
  private final ObjectNode body;
  private final boolean hang;

  private ConverseReply(int status, @Nullable String errorType, ObjectNode body, boolean hang) {
    this.status = status;
    this.errorType = errorType;
    this.body = body;
    this.hang = hang;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A final text answer: {@code end_turn}, 100 input and 20 output tokens, 250 ms. */
  public static ConverseReply text(String text) {
    return builder().text(text).stopReason("end_turn").build();
  }

  /** One tool call and {@code stopReason: tool_use}. */
  public static ConverseReply toolUse(String toolUseId, String name, JsonNode input) {
    return builder().toolUse(toolUseId, name, input).stopReason("tool_use").build();
  }

  /**
   * An error response as Bedrock sends it: {@code status}, header {@code x-amzn-ErrorType: <type>:<namespace>} and
   * body {@code {"message": message}}.
   */
  public static ConverseReply error(int status, String errorType, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be in [400, 599] but was " + status);
    }
    if (errorType.isBlank()) {
      throw new IllegalArgumentException("errorType must not be blank");
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("message", message);
    return new ConverseReply(status, errorType, body, false);
  }

  /** 429 ThrottlingException. */
  public static ConverseReply throttling() {
    return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
  }

  /** 500 InternalServerException. */
  public static ConverseReply internalError() {
    return error(500, "InternalServerException", "The server encountered an internal error.");
  }

  /** 503 ServiceUnavailableException. */
  public static ConverseReply serviceUnavailable() {
    return error(503, "ServiceUnavailableException", "The service is currently unavailable.");
  }

  /** 400 ValidationException with {@code message}. */
  public static ConverseReply validation(String message) {
    return error(400, "ValidationException", message);
  }

  /** No answer until the server is closed: the client's timeout must end the call. */
  public static ConverseReply hang() {
    return new ConverseReply(0, null, JSON.createObjectNode(), true);
  }

  /** The HTTP status (200 for a Converse response; 0 for a hang). */
  public int status() {
    return status;
  }

  /** The error type of an error response (e.g. ThrottlingException); null otherwise. */
  public @Nullable String errorType() {
    return errorType;
  }

  public boolean hangs() {
    return hang;
  }

  /** The JSON body, a copy. */
  public ObjectNode body() {
    return body.deepCopy();
  }

  /** Builds a successful Converse response. */
  public static final class Builder {
    private final List<JsonNode> content = new ArrayList<>();
    private String stopReason = "end_turn";
    private long inputTokens = 100;
    private long outputTokens = 20;
    private long latencyMs = 250;

    private Builder() {}

    /** Appends a {@code {"text": …}} block. */
    public Builder text(String text) {
      ObjectNode b = JSON.createObjectNode();
      b.put("text", text);
      content.add(b);
      return this;
    }

    /** Appends a {@code {"toolUse": {"toolUseId", "name", "input"}}} block. */
    public Builder toolUse(String toolUseId, String name, JsonNode input) {
      ObjectNode b = JSON.createObjectNode();
      ObjectNode t = b.putObject("toolUse");
      t.put("toolUseId", toolUseId);
      t.put("name", name);
      t.set("input", input.deepCopy());
      content.add(b);
      return this;
    }

    /** Appends any content block as given (e.g. a malformed one). */
    public Builder block(JsonNode block) {
      content.add(block.deepCopy());
      return this;
    }

    /** The stop reason, sent as is (known values: end_turn, tool_use, max_tokens, … ; any string is allowed). */
    public Builder stopReason(String stopReason) {
      this.stopReason = stopReason;
      return this;
    }

    public Builder usage(long inputTokens, long outputTokens) {
      if (inputTokens < 0 || outputTokens < 0) {
        throw new IllegalArgumentException("token counts must be ≥ 0 but were " + inputTokens + ", " + outputTokens);
      }
      this.inputTokens = inputTokens;
      this.outputTokens = outputTokens;
      return this;
    }

    public Builder latencyMs(long latencyMs) {
      if (latencyMs < 0) {
        throw new IllegalArgumentException("latencyMs must be ≥ 0 but was " + latencyMs);
      }
      this.latencyMs = latencyMs;
      return this;
    }

    public ConverseReply build() {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode message = body.putObject("output").putObject("message");
      message.put("role", "assistant");
      ArrayNode c = message.putArray("content");
      content.forEach(b -> c.add(b.deepCopy()));
      body.put("stopReason", stopReason);
      ObjectNode usage = body.putObject("usage");
      usage.put("inputTokens", inputTokens);
      usage.put("outputTokens", outputTokens);
      usage.put("totalTokens", inputTokens + outputTokens);
      body.putObject("metrics").put("latencyMs", latencyMs);
      return new ConverseReply(200, null, body, false);
    }
  }
}
