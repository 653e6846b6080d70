package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a planner needs to know to call one tool: its name, the agent it belongs to, what it does and the JSON
 * Schema (2020-12) its arguments must satisfy. Immutable: the schema is copied in and out.
 *
 * @param name the tool's name, {@code tool_} followed by lower-case words joined by {@code _}
 * @param agent the agent the tool belongs to
 * @param description what the tool does and returns, for a human or a language model choosing a tool
 * @param parameters the JSON Schema of the arguments object ({@code "type": "object"})
 */
public record ToolSpec(String name, AgentRole agent, String description, JsonNode parameters) {
  private static final Pattern NAME = Pattern.compile("tool_[a-z0-9]+(_[a-z0-9]+)*");

  public ToolSpec {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match " + NAME.pattern() + " but was '" + name + "'");
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("description of " + name + " must not be blank");
    }
    if (!parameters.isObject() || !"object".equals(parameters.path("type").asText())) {
      throw new IllegalArgumentException(
          "parameters of " + name + " must be a JSON Schema object with \"type\": \"object\" but was " + parameters);
    }
    parameters = parameters.deepCopy();
  }

  @Override
  public JsonNode parameters() {
    return parameters.deepCopy();
  }

  /** The parameter names the schema declares, in declaration order. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    parameters.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The parameters the schema requires, in declaration order. */
  public List<String> requiredParameters() {
    List<String> names = new ArrayList<>();
    parameters.path("required").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** The specification as {@code {"name", "agent", "description", "parameters"}}. */
  public ObjectNode toJson() {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    o.put("name", name);
    o.put("agent", agent.wireName());
    o.put("description", description);
    o.set("parameters", parameters.deepCopy());
    return o;
  }
}
