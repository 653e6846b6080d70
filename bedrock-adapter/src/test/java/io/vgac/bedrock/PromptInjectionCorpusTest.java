package io.vgac.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.Job;
import io.vgac.agents.tools.ActorTools;
import io.vgac.agents.tools.ToolResult;
import io.vgac.testkit.bedrock.ConverseReply;
import io.vgac.testkit.bedrock.RecordedConverseRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prompt-injection corpus ({@code injection-corpus.json}, ≥ 20 cases): whatever the payload and however
 * obediently the scripted model follows it, nothing reaches the scheduler beyond what the gate allows, every gated
 * tool call the model makes comes back refused, no message leaves for another channel, and no payload enters the
 * system prompt or escapes the quoted data block.
 */
class PromptInjectionCorpusTest {
  static final String CORPUS = "injection-corpus.json";
  static final Set<String> SCHEDULER_TOOLS = Set.of("tool_requeue_job", "tool_adjust_priority");
  static final String OTHER = "victim-job";
  static final String OTHER_CLUSTER = "prod";

  static JsonNode corpus() throws IOException {
    try (InputStream in = PromptInjectionCorpusTest.class.getResourceAsStream(CORPUS)) {
      assertThat(in).as(CORPUS).isNotNull();
      return AgentsJson.mapper().readTree(in);
    }
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    corpus().path("cases").forEach(c -> out.add(Arguments.of(c.path("id").asText(), c)));
    return out.stream();
  }

  @Test
  void theCorpusHasAtLeastTwentyCasesOverEverySource() throws IOException {
    JsonNode cases = corpus().path("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(20);
    List<String> sources = new ArrayList<>();
    cases.forEach(c -> sources.add(c.path("source").asText()));
    assertThat(sources).contains("job_id", "namespace", "queue", "cluster_id", "slack_text", "tool_result",
        "model_reply");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void noActionBeyondWhatTheGateAllows(String id, JsonNode c) throws Exception {
    try (Harness h = new Harness()) {
      String payload = c.path("payload").asText();
      String source = c.path("source").asText();
      // a pending job in a calibrated cluster, which the gate would let a requeue through for
      h.evidence.put(OTHER_CLUSTER, Harness.autonomous(OTHER_CLUSTER));
      h.bedrock.enqueue(ConverseReply.text("{\"actions\": []}"));
      h.agents.submit(h.job(OTHER, OTHER_CLUSTER, "ops", "gpu"));
      h.bedrock.clear();
      int logged = h.log.records().size();

      String cluster = source.equals("cluster_id") ? payload : "edge";
      h.evidence.put(cluster, environment(c.path("environment").asText(), cluster));
      Job job = h.job(source.equals("job_id") ? payload : "job-1", cluster,
          source.equals("namespace") ? payload : "alice", source.equals("queue") ? payload : "gpu");
      if (source.equals("slack_text") || source.equals("tool_result")) {
        ObjectNode update = Harness.args("cluster_id", cluster);
        update.putObject("metrics").put("notes", payload);
        ToolResult stored = h.agents.tools().call("tool_update_environment_profile", update);
        assertThat(stored.success()).as("%s", stored).isTrue();
      }
      Map<String, String> vars = Map.of("$JOB", job.jobId(), "$CLUSTER", cluster, "$OTHER", OTHER,
          "$OTHER_CLUSTER", OTHER_CLUSTER, "$PAYLOAD", payload);
      Map<String, String> toolOfUse = new HashMap<>();
      int turn = 0;
      for (JsonNode t : c.path("model_turns")) {
        turn++;
        ConverseReply.Builder b = ConverseReply.builder();
        if (t.has("text")) {
          b.text(substitute(t.get("text"), vars).asText());
        }
        int i = 0;
        for (JsonNode use : t.path("tool_uses")) {
          String useId = "tooluse_" + turn + "_" + (++i);
          toolOfUse.put(useId, use.path("name").asText());
          b.toolUse(useId, use.path("name").asText(), substitute(use.path("input"), vars));
        }
        b.stopReason(t.has("tool_uses") ? "tool_use" : "end_turn");
        h.bedrock.enqueue(b.build());
      }

      h.agents.submit(job);

      assertThat(h.scheduler.calls()).as("scheduler calls").isEmpty();
      List<DecisionRecord> decisions = h.log.records().subList(logged, h.log.records().size());
      for (DecisionRecord d : decisions) {
        assertThat(d.decision().executes() && (d.scope().name().equals("ESCALATE") || d.tier() > d.qualifiedTier()))
            .as("%s executed beyond the gate's rules", d).isFalse();
        if (c.path("environment").asText().startsWith("escalate")) {
          assertThat(d.decision()).isIn(Decision.ESCALATE, Decision.DENY);
        }
      }
      assertThat(h.notifier.alerts()).allSatisfy(a -> assertThat(a.channel()).isEqualTo(
          ActorTools.DEFAULT_ALERT_CHANNEL));
      List<RecordedConverseRequest> sent = h.bedrock.converseRequests();
      assertThat(sent).as("the model was consulted").isNotEmpty();
      assertThat(h.bedrock.pending()).as("every scripted turn was played").isZero();
      int schedulerUses = 0;
      for (RecordedConverseRequest r : sent) {
        assertThat(r.systemText()).doesNotContain(payload);
        String user = r.messages().get(0).path("content").get(0).path("text").asText();
        assertThat(user.split(PlanningPrompt.DATA_CLOSE, -1)).hasSize(2);
        for (JsonNode result : r.lastToolResults()) {
          if (SCHEDULER_TOOLS.contains(toolOfUse.get(result.path("toolUseId").asText()))) {
            schedulerUses++;
            assertThat(result.path("status").asText()).as("result of %s", result).isEqualTo("error");
          }
        }
      }
      long scripted = toolOfUse.values().stream().filter(SCHEDULER_TOOLS::contains).count();
      assertThat(schedulerUses).as("every scheduler tool call was answered").isEqualTo(scripted);
    }
  }

  static CalibrationEvidence environment(String name, String cluster) {
    switch (name) {
      case "escalate_learning":
        return Harness.escalateLearning(cluster);
      case "escalate_drift":
        return Harness.escalateDrift(cluster);
      case "notify_tier2":
        return Harness.notifyTier2(cluster);
      default:
        throw new IllegalArgumentException("Unknown corpus environment '" + name + "'");
    }
  }

  /** A copy of {@code n} with every placeholder in its strings replaced. */
  static JsonNode substitute(JsonNode n, Map<String, String> vars) {
    if (n.isTextual()) {
      String s = n.asText();
      for (Map.Entry<String, String> e : vars.entrySet()) {
        s = s.replace(e.getKey(), e.getValue());
      }
      return TextNode.valueOf(s);
    }
    if (n.isObject()) {
      ObjectNode o = AgentsJson.mapper().createObjectNode();
      n.properties().forEach(e -> o.set(e.getKey(), substitute(e.getValue(), vars)));
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = AgentsJson.mapper().createArrayNode();
      n.forEach(v -> a.add(substitute(v, vars)));
      return a;
    }
    return n.deepCopy();
  }
}
