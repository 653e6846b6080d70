package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Schema validation of every catalog tool, and the registry's dispatch rules, with a stub handler that echoes. */
class ToolRegistryTest {
  static final ToolHandler ECHO = args -> ToolResult.ok(args.json());

  final ToolRegistry echo = stubRegistry();

  static ToolRegistry stubRegistry() {
    ToolRegistry.Builder b = ToolRegistry.builder();
    ToolCatalog.all().forEach(s -> b.add(s, ECHO));
    return b.build();
  }

  static Stream<ToolSpec> specs() {
    return ToolCatalog.all().stream();
  }

  /** Arguments that satisfy {@code spec}: the first enum value, a non-blank string, a one-member object. */
  static ObjectNode validArguments(ToolSpec spec) {
    ObjectNode args = AgentsJson.mapper().createObjectNode();
    var props = spec.parameters().path("properties");
    for (String name : spec.parameterNames()) {
      JsonNode p = props.get(name);
      if (p.has("enum")) {
        args.put(name, p.get("enum").get(0).asText());
      } else if ("object".equals(p.get("type").asText())) {
        args.putObject(name).put("ece", 0.02);
      } else {
        args.put(name, "x-" + name);
      }
    }
    return args;
  }

  static ObjectNode json(String s) {
    return (ObjectNode) AgentsJson.read(s, JsonNode.class);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void validArgumentsReachTheHandlerUnchanged(ToolSpec spec) {
    ObjectNode args = validArguments(spec);
    ToolResult r = echo.call(spec.name(), args);
    assertThat(r.success()).as(r.toString()).isTrue();
    assertThat(r.data()).isEqualTo(args);
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyMissingRequiredParameterIsNamed(ToolSpec spec) {
    assertThat(spec.requiredParameters()).isEqualTo(spec.parameterNames()); // the design has no optional parameter
    for (String name : spec.requiredParameters()) {
      ObjectNode args = validArguments(spec);
      args.remove(name);
      ToolResult r = echo.call(spec.name(), args);
      assertThat(r.success()).isFalse();
      assertThat(r.error()).isEqualTo("Invalid arguments for " + spec.name() + ": missing required parameter '"
          + name + "'");
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void anExtraParameterIsNamed(ToolSpec spec) {
    ObjectNode args = validArguments(spec);
    args.put("bogus", 1);
    ToolResult r = echo.call(spec.name(), args);
    assertThat(r.success()).isFalse();
    assertThat(r.error()).startsWith("Invalid arguments for " + spec.name() + ": unknown parameter 'bogus' (")
        .contains(spec.parameterNames().isEmpty() ? "no parameters" : String.join(", ", spec.parameterNames()));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void aWrongTypeIsNamedWithTheExpectedType(ToolSpec spec) {
    var props = spec.parameters().path("properties");
    for (String name : spec.parameterNames()) {
      ObjectNode args = validArguments(spec);
      args.put(name, 42);
      ToolResult r = echo.call(spec.name(), args);
      assertThat(r.success()).isFalse();
      String type = props.get(name).get("type").asText();
      assertThat(r.error()).contains("parameter '" + name + "' must be " + ("object".equals(type) ? "an" : "a")
          + " " + type + " but was an integer 42");
    }
  }

  @Test
  void outOfEnumValuesAreNamedWithTheAllowedValues() {
    Map<String, String> enumParams = Map.of(
        ToolCatalog.DETECT_ANOMALY, "metric",
        ToolCatalog.ADJUST_PRIORITY, "priority",
        ToolCatalog.CREATE_ALERT, "severity");
    Map<String, List<String>> values = Map.of(
        "metric", ToolCatalog.METRICS, "priority", ToolCatalog.PRIORITIES, "severity", ToolCatalog.SEVERITIES);
    enumParams.forEach((tool, param) -> {
      ObjectNode args = validArguments(ToolCatalog.spec(tool));
      args.put(param, "urgent");
      ToolResult r = echo.call(tool, args);
      assertThat(r.success()).isFalse();
      List<String> quoted = values.get(param).stream().map(v -> "\"" + v + "\"").toList();
      assertThat(r.error()).isEqualTo("Invalid arguments for " + tool + ": parameter '" + param
          + "' must be one of [" + String.join(",", quoted) + "] but was \"urgent\"");
      for (String ok : values.get(param)) {
        args.put(param, ok);
        assertThat(echo.call(tool, args).success()).as(ok).isTrue();
      }
      args.put(param, values.get(param).get(0).toUpperCase(java.util.Locale.ROOT)); // enums are case-sensitive
      assertThat(echo.call(tool, args).success()).isFalse();
    });
  }

  @Test
  void theEnumsAreTheDesigns() {
    assertThat(ToolCatalog.METRICS).containsExactly("queue_depth", "gpu_util", "memory");
    assertThat(ToolCatalog.PRIORITIES).containsExactly("low", "normal", "high", "critical");
    assertThat(ToolCatalog.SEVERITIES).containsExactly("info", "warning", "critical");
  }

  @Test
  void blankIdsAndTextsAreRejected() {
    ToolResult r = echo.call(ToolCatalog.GET_CLUSTER_STATE, json("{\"cluster_id\":\"  \"}"));
    assertThat(r.error()).startsWith("Invalid arguments for tool_get_cluster_state: parameter 'cluster_id' ")
        .contains("\"  \"");
    r = echo.call(ToolCatalog.CREATE_ALERT, json("{\"severity\":\"info\",\"message\":\"\"}"));
    assertThat(r.error()).contains("parameter 'message' ");
  }

  @Test
  void nestedMetricsAreTypedAndNamedWithTheirPath() {
    String tool = ToolCatalog.UPDATE_ENVIRONMENT_PROFILE;
    assertThat(echo.call(tool, json("{\"cluster_id\":\"c\",\"metrics\":{\"ece\":\"low\"}}")).error())
        .isEqualTo("Invalid arguments for " + tool + ": parameter 'metrics.ece' must be a number but was a string"
            + " \"low\"");
    assertThat(echo.call(tool, json("{\"cluster_id\":\"c\",\"metrics\":{\"ece\":1.5}}")).error())
        .contains("parameter 'metrics.ece' ").contains("1.5");
    assertThat(echo.call(tool, json("{\"cluster_id\":\"c\",\"metrics\":{\"peak_hours\":[9,24]}}")).error())
        .contains("parameter 'metrics.peak_hours.1' ").contains("24");
    assertThat(echo.call(tool, json("{\"cluster_id\":\"c\",\"metrics\":{}}")).error())
        .contains("parameter 'metrics' ");
    // members beyond the known ones are allowed ("ece, sample_count, …")
    assertThat(echo.call(tool, json("{\"cluster_id\":\"c\",\"metrics\":{\"custom\":[1]}}")).success()).isTrue();
  }

  @Test
  void severalProblemsAreAllReported() {
    ToolResult r = echo.call(ToolCatalog.ADJUST_PRIORITY, json("{\"job_id\":7,\"priority\":\"urgent\",\"x\":1}"));
    assertThat(r.error()).contains("parameter 'job_id' must be a string but was an integer 7")
        .contains("parameter 'priority' must be one of").contains("unknown parameter 'x'");
  }

  @Test
  void argumentsThatAreNotAnObjectAreRejected() {
    ToolResult r = echo.call(ToolCatalog.GET_ALL_CALIBRATIONS, AgentsJson.mapper().createArrayNode());
    assertThat(r.error()).isEqualTo("Invalid arguments for tool_get_all_calibrations: arguments must be an object"
        + " but was an array");
    r = echo.call(ToolCatalog.GET_CLUSTER_STATE, AgentsJson.mapper().getNodeFactory().textNode("c1"));
    assertThat(r.error()).contains("arguments must be an object but was a string \"c1\"");
  }

  @Test
  void absentArgumentsMeanTheEmptyObject() {
    assertThat(echo.call(ToolCatalog.GET_ALL_CALIBRATIONS, null).success()).isTrue();
    assertThat(echo.call(ToolCatalog.GET_ALL_CALIBRATIONS, AgentsJson.mapper().nullNode()).success()).isTrue();
    assertThat(echo.call(ToolCatalog.GET_CLUSTER_STATE, null).error())
        .isEqualTo("Invalid arguments for tool_get_cluster_state: missing required parameter 'cluster_id'");
  }

  @Test
  void unknownToolsFailAndListTheKnownOnes() {
    ToolResult r = echo.call("tool_launch_missiles", json("{}"));
    assertThat(r.success()).isFalse();
    assertThat(r.error()).startsWith("Unknown tool 'tool_launch_missiles'; available: tool_get_cluster_state, ");
    assertThat(echo.call(null, json("{}")).error()).startsWith("Unknown tool 'null'");
  }

  @Test
  void aThrowingHandlerBecomesAFailureAndNothingEscapes() {
    ToolRegistry r = ToolRegistry.builder()
        .add(ToolCatalog.GET_CLUSTER_STATE_SPEC, a -> {
          throw new IllegalStateException("telemetry down");
        })
        .add(ToolCatalog.GET_QUEUE_DEPTH_SPEC, a -> null)
        .add(ToolCatalog.GET_ALL_CALIBRATIONS_SPEC, a -> {
          throw new java.io.IOException("disk");
        })
        .build();
    assertThat(r.call(ToolCatalog.GET_CLUSTER_STATE, json("{\"cluster_id\":\"c\"}")).toJsonString())
        .isEqualTo("{\"success\":false,\"error\":\"tool_get_cluster_state failed: IllegalStateException: "
            + "telemetry down\"}");
    assertThat(r.call(ToolCatalog.GET_QUEUE_DEPTH, json("{\"cluster_id\":\"c\"}")).error())
        .isEqualTo("tool_get_queue_depth failed: the handler returned no result");
    assertThat(r.call(ToolCatalog.GET_ALL_CALIBRATIONS, json("{}")).error())
        .isEqualTo("tool_get_all_calibrations failed: IOException: disk");
  }

  @Test
  void theRegistryListsItsSpecsInOrderAndExportsThemAsJson() {
    assertThat(echo.size()).isEqualTo(15);
    assertThat(echo.specs()).isEqualTo(ToolCatalog.all());
    var exported = echo.specsJson();
    assertThat(exported).hasSize(15);
    JsonNode first = exported.get(0);
    assertThat(first.get("name").asText()).isEqualTo("tool_get_cluster_state");
    assertThat(first.get("agent").asText()).isEqualTo("observer");
    assertThat(first.get("description").asText()).isNotBlank();
    assertThat(first.get("parameters").get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(first.get("parameters").get("additionalProperties").asBoolean(true)).isFalse();
    List<String> names = new ArrayList<>();
    exported.forEach(n -> names.add(n.get("name").asText()));
    assertThat(names).isEqualTo(echo.names());
    JsonNode none = exported.get(14);
    assertThat(none.get("name").asText()).isEqualTo("tool_get_all_calibrations");
    assertThat(none.get("parameters").get("properties").size()).isZero();
    // the export is a copy: changing it changes nothing
    ((ObjectNode) first).put("name", "tool_x");
    ((ObjectNode) first.get("parameters")).put("additionalProperties", true);
    assertThat(echo.specsJson().get(0).get("name").asText()).isEqualTo("tool_get_cluster_state");
    assertThat(echo.call(ToolCatalog.GET_CLUSTER_STATE, json("{\"cluster_id\":\"c\",\"x\":1}")).success()).isFalse();
  }

  @Test
  void duplicateToolsAndBadSpecsFailFast() {
    assertThatThrownBy(() -> ToolRegistry.builder().add(ToolCatalog.GET_CLUSTER_STATE_SPEC, ECHO)
        .add(ToolCatalog.GET_CLUSTER_STATE_SPEC, ECHO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already added");
    assertThatThrownBy(() -> new ToolSpec("getState", AgentRole.OBSERVER, "d", json("{\"type\":\"object\"}")))
        .hasMessageContaining("name must match");
    assertThatThrownBy(() -> new ToolSpec("tool_a", AgentRole.OBSERVER, " ", json("{\"type\":\"object\"}")))
        .hasMessageContaining("description of tool_a must not be blank");
    assertThatThrownBy(() -> new ToolSpec("tool_a", AgentRole.OBSERVER, "d", json("{\"type\":\"array\"}")))
        .hasMessageContaining("\"type\": \"object\"");
    ToolSpec badSchema = new ToolSpec("tool_a", AgentRole.OBSERVER, "d",
        json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"(\"}}}"));
    assertThatThrownBy(() -> ToolRegistry.builder().add(badSchema, ECHO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("parameters of tool_a is not a valid JSON Schema: ");
  }
}
