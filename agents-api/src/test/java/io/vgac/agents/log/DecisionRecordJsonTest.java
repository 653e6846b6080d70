package io.vgac.agents.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.ActionRequest;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.AgentsJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionRecordJsonTest {

  /** The fields of design/cli.md, demo section, spelled exactly. */
  static final List<String> CLI_FIELDS = List.of("time", "env", "job_id", "action", "tier", "scope", "decision",
      "reason", "p", "ece", "ece_ci", "sample_count", "calibration_score", "drift");

  static JsonNode tree(String json) throws Exception {
    return AgentsJson.mapper().readTree(json);
  }

  @Test
  void fieldNamesAreTheCliContractsInOrder() throws Exception {
    JsonNode n = tree(DecisionRecordJson.write(Records.record("slurm-a", 1)));
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    assertThat(names.subList(0, CLI_FIELDS.size())).containsExactlyElementsOf(CLI_FIELDS);
    assertThat(names).containsExactly("time", "env", "job_id", "action", "tier", "scope", "decision", "reason", "p",
        "ece", "ece_ci", "sample_count", "calibration_score", "drift", "qualified_tier", "gate_state");
    assertThat(n.get("time").asText()).isEqualTo("2026-01-05T10:00:01Z");
    assertThat(n.get("action").asText()).isEqualTo("requeue");
    assertThat(n.get("scope").asText()).isEqualTo("NOTIFY");
    assertThat(n.get("decision").asText()).isEqualTo("executed_and_notified");
    assertThat(n.get("ece_ci").isArray()).isTrue();
    assertThat(n.get("ece_ci").get(0).asDouble()).isEqualTo(0.015);
    assertThat(n.get("ece_ci").get(1).asDouble()).isEqualTo(0.028);
    assertThat(n.get("sample_count").asLong()).isEqualTo(1847);
  }

  @Test
  void decisionValuesAreTheCliContracts() throws Exception {
    assertThat(List.of(io.vgac.agents.gate.Decision.values()))
        .extracting(io.vgac.agents.gate.Decision::wireName)
        .containsExactly("executed", "executed_and_notified", "escalated", "denied");
  }

  @Test
  void nanIsWrittenAsNullAndReadBackAsNaN() throws Exception {
    // an unknown environment: no evidence, no prediction
    GateDecision d = ActionGate.ofDefaults()
        .decide(new ActionRequest("nowhere", "j", ProposedAction.HOLD, Double.NaN), null);
    DecisionRecord r = DecisionRecord.of(d);
    String json = DecisionRecordJson.write(r);
    assertThat(json).doesNotContain("NaN");
    JsonNode n = tree(json);
    for (String f : List.of("p", "ece", "calibration_score", "drift")) {
      assertThat(n.get(f).isNull()).as(f).isTrue();
    }
    assertThat(n.get("ece_ci").size()).isEqualTo(2);
    assertThat(n.get("ece_ci").get(0).isNull()).isTrue();
    assertThat(n.get("decision").asText()).isEqualTo("escalated");
    assertThat(n.get("scope").asText()).isEqualTo("ESCALATE");
    assertThat(n.get("sample_count").asLong()).isZero();
    assertThat(DecisionRecordJson.read(json)).isEqualTo(r);
  }

  @Test
  void aStatedPlannerIsWrittenLastAndReadBackAndAnUnstatedOneIsNotWritten() throws Exception {
    GateDecision d = ActionGate.ofDefaults().decide(
        new ActionRequest("eks-b", "j", ProposedAction.HOLD, 0.95, "rule-based; fallback from bedrock: throttled"),
        null);
    DecisionRecord r = DecisionRecord.of(d);
    assertThat(r.planner()).isEqualTo("rule-based; fallback from bedrock: throttled");
    String json = DecisionRecordJson.write(r);
    List<String> names = new ArrayList<>();
    tree(json).fieldNames().forEachRemaining(names::add);
    assertThat(names.subList(0, CLI_FIELDS.size())).containsExactlyElementsOf(CLI_FIELDS);
    assertThat(names).last().isEqualTo("planner");
    assertThat(tree(json).get("planner").asText()).isEqualTo("rule-based; fallback from bedrock: throttled");
    assertThat(DecisionRecordJson.read(json)).isEqualTo(r);
    DecisionRecord unstated = DecisionRecord.of(ActionGate.ofDefaults()
        .decide(new ActionRequest("eks-b", "j", ProposedAction.HOLD, 0.95), null));
    assertThat(unstated.planner()).isNull();
    assertThat(tree(DecisionRecordJson.write(unstated)).has("planner")).isFalse();
    assertThatThrownBy(() -> new ActionRequest("eks-b", "j", ProposedAction.HOLD, 0.95, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planner");
  }

  @Test
  void roundTrip() {
    DecisionRecord r = Records.record("eks-b", 7);
    assertThat(DecisionRecordJson.read(DecisionRecordJson.write(r))).isEqualTo(r);
    assertThat(DecisionRecordJson.write(r)).doesNotContain("\n");
  }

  @Test
  void badLinesAreIllegalArguments() {
    assertThatThrownBy(() -> DecisionRecordJson.read("{\"time\":\"2026-01-05T10:0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Malformed decision-log line");
    assertThatThrownBy(() -> DecisionRecordJson.read("[1]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
    String noEnv = DecisionRecordJson.write(Records.record("e", 1)).replace("\"env\":\"e\",", "");
    assertThatThrownBy(() -> DecisionRecordJson.read(noEnv))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("env is missing");
  }
}
