package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import org.junit.jupiter.api.Test;

/** The design's result shape, through toJson and through the shared mapper. */
class ToolResultTest {

  @Test
  void successAndFailureHaveTheDesignsShape() throws Exception {
    ObjectNode data = AgentsJson.mapper().createObjectNode().put("score", 0.91);
    assertThat(ToolResult.ok(data).toJsonString()).isEqualTo("{\"success\":true,\"data\":{\"score\":0.91}}");
    assertThat(ToolResult.failure("nope").toJsonString()).isEqualTo("{\"success\":false,\"error\":\"nope\"}");
    assertThat(AgentsJson.write(ToolResult.ok(data))).isEqualTo("{\"success\":true,\"data\":{\"score\":0.91}}");
    assertThat(AgentsJson.write(ToolResult.failure("nope"))).isEqualTo("{\"success\":false,\"error\":\"nope\"}");
    assertThat(AgentsJson.write(new ToolResult(true, null, null))).isEqualTo("{\"success\":true}");
    ToolResult back = AgentsJson.mapper().readValue("{\"success\":false,\"error\":\"nope\"}", ToolResult.class);
    assertThat(back).isEqualTo(ToolResult.failure("nope"));
  }

  @Test
  void inconsistentResultsAreRejected() {
    JsonNode data = AgentsJson.mapper().createObjectNode();
    assertThatThrownBy(() -> new ToolResult(true, null, "e")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolResult(false, null, " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ToolResult(false, data, "e")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataIsCopiedInAndOut() {
    ObjectNode data = AgentsJson.mapper().createObjectNode().put("a", 1);
    ToolResult r = ToolResult.ok(data);
    data.put("a", 2);
    ((ObjectNode) r.data()).put("a", 3);
    assertThat(r.data().get("a").asInt()).isEqualTo(1);
  }
}
