package io.vgac.testkit.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request the {@link FakeConverseServer} received, as sent on the wire.
 *
 * @param method the HTTP method
 * @param rawPath the request path as sent (percent-encoded)
 * @param modelId the model id decoded from {@code /model/{modelId}/converse}; null when the path was not a Converse
 *     path
 * @param headers the headers, names in lower case (first value of each)
 * @param body the JSON body; a missing node when it was not JSON
 */
public record RecordedConverseRequest(
    String method, String rawPath, @Nullable String modelId, Map<String, String> headers, JsonNode body) {

  public RecordedConverseRequest {
    headers = Map.copyOf(headers);
    body = body.deepCopy();
  }

  @Override
  public JsonNode body() {
    return body.deepCopy();
  }

  /** The header {@code name} (case-insensitive), or null. */
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** The {@code system} blocks' text, joined by new lines. */
  public String systemText() {
    List<String> parts = new ArrayList<>();
    body.path("system").forEach(b -> {
      if (b.has("text")) {
        parts.add(b.get("text").asText());
      }
    });
    return String.join("\n", parts);
  }

  /** The {@code messages} array. */
  public List<JsonNode> messages() {
    List<JsonNode> out = new ArrayList<>();
    body.path("messages").forEach(m -> out.add(m.deepCopy()));
    return out;
  }

  /** The {@code toolResult} blocks of the last message (the answers to the previous turn's tool calls). */
  public List<JsonNode> lastToolResults() {
    List<JsonNode> out = new ArrayList<>();
    List<JsonNode> m = messages();
    if (!m.isEmpty()) {
      m.get(m.size() - 1).path("content").forEach(b -> {
        if (b.has("toolResult")) {
          out.add(b.get("toolResult").deepCopy());
        }
      });
    }
    return out;
  }

  /** The names of the tools offered in {@code toolConfig.tools[].toolSpec.name}, in order. */
  public List<String> toolNames() {
    List<String> out = new ArrayList<>();
    body.path("toolConfig").path("tools").forEach(t -> out.add(t.path("toolSpec").path("name").asText()));
    return out;
  }
}
