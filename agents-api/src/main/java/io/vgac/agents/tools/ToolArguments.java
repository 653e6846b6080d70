package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The arguments of one call, already validated against the tool's schema, with typed accessors. The accessors
 * still check what they return, so a handler registered with a looser schema fails with a message naming the
 * parameter rather than with a NullPointerException.
 */
public final class ToolArguments {
  private final ObjectNode json;

  ToolArguments(ObjectNode json) {
    this.json = json.deepCopy();
  }

  /** Arguments from a JSON object (for calling a handler directly, e.g. in a test). */
  public static ToolArguments of(ObjectNode json) {
    return new ToolArguments(json);
  }

  /** The string parameter {@code name}. */
  public String string(String name) {
    JsonNode v = json.get(name);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("parameter '" + name + "' must be a string but was " + describe(v));
    }
    return v.asText();
  }

  /** The object parameter {@code name} (a copy). */
  public ObjectNode object(String name) {
    JsonNode v = json.get(name);
    if (v == null || !v.isObject()) {
      throw new IllegalArgumentException("parameter '" + name + "' must be an object but was " + describe(v));
    }
    return (ObjectNode) v.deepCopy();
  }

  public boolean has(String name) {
    return json.has(name);
  }

  /** All arguments as a JSON object (a copy). */
  public ObjectNode json() {
    return json.deepCopy();
  }

  private static String describe(JsonNode v) {
    return v == null ? "missing" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return json.toString();
  }
}
