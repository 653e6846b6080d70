package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools a planner may call: lists their specifications (so a rule-based planner, a language model and an MCP
 * host all see the same tools) and dispatches calls.
 *
 * <p>{@link #call} never throws. In order: an unknown tool name, arguments that are not a JSON object or fail the
 * tool's schema (missing, unknown, wrong-type or out-of-enum parameters, each named with the reason), a handler
 * that throws (logged) or returns nothing — each gives a {@code {"success":false,"error":…}} result. Absent
 * arguments (Java null, JSON null or missing) count as the empty object {@code {}}.
 *
 * <p>Immutable and thread-safe once built (handlers must be thread-safe themselves).
 */
public final class ToolRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);

  private final Map<String, Entry> tools;

  private record Entry(Tool tool, ArgumentValidator validator) {}

  private ToolRegistry(Map<String, Entry> tools) {
    this.tools = Collections.unmodifiableMap(new LinkedHashMap<>(tools));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The registered specifications, in registration order. */
  public List<ToolSpec> specs() {
    List<ToolSpec> out = new ArrayList<>(tools.size());
    tools.values().forEach(e -> out.add(e.tool().spec()));
    return out;
  }

  /** The registered tool names, in registration order. */
  public List<String> names() {
    return List.copyOf(tools.keySet());
  }

  /** The specification of {@code name}, or empty when no such tool is registered. */
  public Optional<ToolSpec> spec(String name) {
    Entry e = tools.get(name);
    return e == null ? Optional.empty() : Optional.of(e.tool().spec());
  }

  public boolean contains(String name) {
    return tools.containsKey(name);
  }

  public int size() {
    return tools.size();
  }

  /** Every specification as a JSON array of {@link ToolSpec#toJson()} objects, in registration order. */
  public ArrayNode specsJson() {
    ArrayNode a = AgentsJson.mapper().createArrayNode();
    tools.values().forEach(e -> a.add(e.tool().spec().toJson()));
    return a;
  }

  /**
   * Validates {@code arguments} against the tool's schema, then runs its handler. Never throws.
   *
   * @param name the tool's name
   * @param arguments the arguments object; null, JSON null or missing mean {@code {}}
   */
  public ToolResult call(@Nullable String name, @Nullable JsonNode arguments) {
    Entry entry = name == null ? null : tools.get(name);
    if (entry == null) {
      return ToolResult.failure("Unknown tool '" + name + "'; available: " + String.join(", ", tools.keySet()));
    }
    JsonNode args = arguments == null || arguments.isNull() || arguments.isMissingNode()
        ? AgentsJson.mapper().createObjectNode()
        : arguments;
    try {
      List<String> problems = entry.validator().problems(args);
      if (!problems.isEmpty()) {
        return ToolResult.failure("Invalid arguments for " + name + ": " + String.join("; ", problems));
      }
      if (!args.isObject()) {
        // every registered schema requires an object, so this only guards a schema that was loosened by hand
        return ToolResult.failure("Invalid arguments for " + name + ": arguments must be an object");
      }
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("Validating the arguments of {} failed", name, e);
      return ToolResult.failure("Invalid arguments for " + name + ": could not be validated ("
          + e.getClass().getSimpleName() + ")");
    }
    try {
      ToolResult r = entry.tool().handler().handle(new ToolArguments((ObjectNode) args));
      if (r == null) {
        LOG.warn("Tool {} returned no result", name);
        return ToolResult.failure(name + " failed: the handler returned no result");
      }
      return r;
    } catch (Exception | StackOverflowError | AssertionError e) {
      LOG.warn("Tool {} failed", name, e);
      return ToolResult.failure(name + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  /** Builds a {@link ToolRegistry}; each tool's schema is compiled when it is added. */
  public static final class Builder {
    private final Map<String, Entry> tools = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds {@code tool}.
     *
     * @throws IllegalArgumentException when a tool of that name was already added or its schema does not compile
     */
    public Builder add(Tool tool) {
      if (tools.containsKey(tool.name())) {
        throw new IllegalArgumentException("tool " + tool.name() + " was already added");
      }
      tools.put(tool.name(), new Entry(tool, ArgumentValidator.of(tool.spec())));
      return this;
    }

    /** Adds a tool made of {@code spec} and {@code handler}. */
    public Builder add(ToolSpec spec, ToolHandler handler) {
      return add(new Tool(spec, handler));
    }

    public ToolRegistry build() {
      return new ToolRegistry(tools);
    }
  }
}
