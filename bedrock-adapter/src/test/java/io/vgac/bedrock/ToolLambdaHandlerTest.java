package io.vgac.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.Agents;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Lambda entry point on the JSON fixtures under {@code lambda/}: same registry, same validation, same gate. */
class ToolLambdaHandlerTest {
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final InMemoryDecisionLog log = new InMemoryDecisionLog();
  final Agents agents = Agents.builder().clock(Clock.fixed(Harness.T0, ZoneOffset.UTC)).scheduler(scheduler)
      .decisionLog(log).evidence(env -> Harness.escalateLearning(env)).telemetryTtl(Duration.ZERO)
      .predictor((job, s) -> new WaitPrediction(job.jobId(), 0.95, Duration.ofMinutes(30), 0.9, "fixed")).build();
  final ToolLambdaHandler handler = new ToolLambdaHandler(agents::tools);

  JsonNode invoke(String fixture) throws Exception {
    byte[] event;
    try (InputStream in = getClass().getResourceAsStream("lambda/" + fixture)) {
      assertThat(in).as(fixture).isNotNull();
      event = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    JsonNode n = AgentsJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    List<String> fields = new ArrayList<>();
    n.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).contains("success").isSubsetOf("success", "data", "error");
    return n;
  }

  @Test
  void readOnlyToolsAnswer() throws Exception {
    JsonNode score = invoke("calibration-score.json");
    assertThat(score.path("success").asBoolean()).isTrue();
    assertThat(score.path("data").isObject()).isTrue();
    assertThat(invoke("all-calibrations.json").path("success").asBoolean()).isTrue();
  }

  @Test
  void aSchedulerToolGoesThroughTheGate() throws Exception {
    agents.inMemoryTelemetry().orElseThrow().put(new ClusterState("eks-prod", SchedulerType.KUBERNETES, 4, 32, 0, 1,
        10, 10, 10, Harness.T0));
    agents.submit(new Job("j-1", "eks-prod", "ml", "gpu", 4, 16, 65_536, null, 0, Harness.T0));
    int before = log.records().size();
    JsonNode r = invoke("requeue-escalated.json");
    assertThat(r.path("success").asBoolean()).isTrue(); // the tool worked; the gate said no
    assertThat(r.path("data").path("executed").asBoolean()).isFalse();
    assertThat(r.path("data").path("decision").asText()).isEqualTo("escalated");
    assertThat(r.path("data").path("action_scope").asText()).isEqualTo("ESCALATE");
    assertThat(scheduler.count()).isZero();
    assertThat(log.records()).hasSize(before + 1);
  }

  @ParameterizedTest
  @CsvSource({
      "invalid-priority.json, Invalid arguments for tool_adjust_priority",
      "unknown-tool.json, Unknown tool 'tool_format_disk'",
      "missing-tool-name.json, Malformed event: tool_name",
      "parameters-not-object.json, Malformed event: parameters must be an object",
      "truncated.json, Malformed event: not JSON"})
  void badEventsGiveAFailureResultNotAnException(String fixture, String error) throws Exception {
    JsonNode r = invoke(fixture);
    assertThat(r.path("success").asBoolean()).isFalse();
    assertThat(r.path("error").asText()).startsWith(error);
    assertThat(r.has("data")).isFalse();
    assertThat(scheduler.count()).isZero();
  }

  @Test
  void anOversizedEventIsRefused() {
    byte[] big = new byte[ToolLambdaHandler.MAX_EVENT_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(handler.handle(big).error()).startsWith("Event too large");
  }

  @Test
  void theNoArgumentConstructorServesTheEmbeddedDefaults() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ToolLambdaHandler().handleRequest(new ByteArrayInputStream(
        "{\"tool_name\":\"tool_get_all_calibrations\"}".getBytes(StandardCharsets.UTF_8)), out, null);
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"success\":true");
  }
}
