package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tool's compiled schema (networknt json-schema-validator, draft 2020-12) and the translation of its errors into
 * messages that name the parameter and say why, e.g. {@code missing required parameter 'job_id'} or
 * {@code parameter 'priority' must be one of ["low","normal","high","critical"] but was "urgent"}.
 */
final class ArgumentValidator {
  // English messages whatever the machine's locale, so a planner always reads the same text.
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ROOT).build()));
  private static final int MAX_VALUE_CHARS = 60;

  private final ToolSpec spec;
  private final Schema schema;

  private ArgumentValidator(ToolSpec spec, Schema schema) {
    this.spec = spec;
    this.schema = schema;
  }

  /**
   * Compiles {@code spec}'s schema.
   *
   * @throws IllegalArgumentException when the schema cannot be compiled
   */
  static ArgumentValidator of(ToolSpec spec) {
    try {
      return new ArgumentValidator(spec, SCHEMAS.getSchema(spec.parameters()));
    } catch (SchemaException | IllegalArgumentException e) {
      throw new IllegalArgumentException("parameters of " + spec.name() + " is not a valid JSON Schema: "
          + e.getMessage(), e);
    }
  }

  /** What is wrong with {@code arguments}, one message per problem; empty when they are valid. */
  List<String> problems(JsonNode arguments) {
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(arguments)) {
      out.add(describe(e));
    }
    return out;
  }

  private String describe(Error e) {
    String at = path(e);
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    JsonNode value = e.getInstanceNode();
    switch (keyword) {
      case "required":
        return "missing required parameter '" + join(at, e.getProperty()) + "'";
      case "additionalProperties":
        return at.isEmpty()
            ? "unknown parameter '" + e.getProperty() + "' (" + spec.name() + " accepts "
                + (spec.parameterNames().isEmpty() ? "no parameters" : String.join(", ", spec.parameterNames())) + ")"
            : "unknown field '" + join(at, e.getProperty()) + "'";
      case "enum":
        return subject(at) + " must be one of " + e.getSchemaNode() + " but was " + show(value);
      case "type":
        return subject(at) + " must be " + expected(e.getSchemaNode()) + " but was " + kind(value)
            + (value != null && value.isValueNode() ? " " + show(value) : "");
      default:
        return subject(at) + " " + e.getMessage() + (value != null && value.isValueNode() ? " (was " + show(value)
            + ")" : "");
    }
  }

  private static String subject(String at) {
    return at.isEmpty() ? "arguments" : "parameter '" + at + "'";
  }

  /** The instance location as dotted names: {@code /metrics/ece} → {@code metrics.ece}. */
  private static String path(Error e) {
    String p = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    if (p.startsWith("$")) {
      p = p.substring(1);
    }
    p = p.replace('/', '.');
    while (p.startsWith(".")) {
      p = p.substring(1);
    }
    return p;
  }

  private static String join(String at, String property) {
    return at.isEmpty() ? property : at + "." + property;
  }

  private static String expected(JsonNode type) {
    if (type != null && type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(article(t.asText())));
      return String.join(" or ", names);
    }
    return article(type == null ? "?" : type.asText());
  }

  private static String kind(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isIntegralNumber()) {
      return article("integer");
    }
    return article(value.getNodeType().name().toLowerCase(Locale.ROOT));
  }

  private static String article(String type) {
    switch (type) {
      case "null":
        return "null";
      case "integer":
      case "object":
      case "array":
        return "an " + type;
      default:
        return "a " + type;
    }
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "missing";
    }
    String s = value.toString();
    return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "…";
  }
}
