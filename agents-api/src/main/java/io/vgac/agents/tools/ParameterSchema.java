package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;

/**
 * Builds the JSON Schema (2020-12) of a tool's arguments: an object with named, described properties, the
 * required ones listed, and no others allowed.
 */
final class ParameterSchema {
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final ObjectNode root = AgentsJson.mapper().createObjectNode();
  private final ObjectNode properties;
  private final ArrayNode required;

  private ParameterSchema() {
    root.put("$schema", DIALECT);
    root.put("type", "object");
    properties = root.putObject("properties");
    required = root.putArray("required");
    root.put("additionalProperties", false);
  }

  static ParameterSchema object() {
    return new ParameterSchema();
  }

  /** A required identifier: a string with at least one non-blank character. */
  ParameterSchema id(String name, String description) {
    ObjectNode p = property(name, "string", description);
    p.put("minLength", 1);
    p.put("pattern", "\\S");
    return this;
  }

  /** A required free-text string with at least one non-blank character. */
  ParameterSchema text(String name, String description) {
    return id(name, description);
  }

  /** A required string from {@code values}. */
  ParameterSchema oneOf(String name, String description, String... values) {
    ObjectNode p = property(name, "string", description);
    ArrayNode e = p.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return this;
  }

  /** A required object; {@code shape} (may be null) describes known members, others are allowed. */
  ParameterSchema object(String name, String description, ObjectNode shape) {
    ObjectNode p = property(name, "object", description);
    p.setAll(shape);
    return this;
  }

  private ObjectNode property(String name, String type, String description) {
    ObjectNode p = properties.putObject(name);
    p.put("type", type);
    p.put("description", description);
    required.add(name);
    return p;
  }

  ObjectNode build() {
    return root.deepCopy();
  }
}
