package io.vgac.agents.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import org.jspecify.annotations.Nullable;

/**
 * What every tool returns, as in the design: {@code {"success":true,"data":…}} or
 * {@code {"success":false,"error":"…"}} (absent members are omitted, never written as null).
 *
 * @param success whether the tool did what it was asked (a gated action that was escalated or denied is still a
 *     success: the tool worked, and its data says what the gate decided)
 * @param data the result on success; null for a success without data, and always null on failure
 * @param error why the call failed, for a human or a language model; null on success
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(boolean success, @Nullable JsonNode data, @Nullable String error) {

  public ToolResult {
    if (success && error != null) {
      throw new IllegalArgumentException("A successful result has no error but was given '" + error + "'");
    }
    if (!success && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("A failed result needs a non-blank error but was given " + error);
    }
    if (!success && data != null) {
      throw new IllegalArgumentException("A failed result carries no data");
    }
    if (data != null) {
      data = data.deepCopy();
    }
  }

  /** A success carrying {@code data}. */
  public static ToolResult ok(JsonNode data) {
    return new ToolResult(true, data, null);
  }

  /** A failure explained by {@code error}. */
  public static ToolResult failure(String error) {
    return new ToolResult(false, null, error);
  }

  @Override
  public @Nullable JsonNode data() {
    return data == null ? null : data.deepCopy();
  }

  /** The result as a JSON object in the design's shape. */
  public ObjectNode toJson() {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("success", success);
    if (data != null) {
      o.set("data", data.deepCopy());
    }
    if (error != null) {
      o.put("error", error);
    }
    return o;
  }

  /** The result as one line of JSON. */
  public String toJsonString() {
    return toJson().toString();
  }
}
