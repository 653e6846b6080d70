package io.vgac.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.AlertKind;
import io.vgac.agents.tools.AlertSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The Block Kit structure of each message kind. */
class SlackMessagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static List<String> actionIds(JsonNode payload) {
    JsonNode blocks = payload.get("blocks");
    return StreamSupport.stream(blocks.spliterator(), false)
        .filter(b -> b.path("type").asText().equals("actions"))
        .flatMap(b -> StreamSupport.stream(b.get("elements").spliterator(), false))
        .map(e -> e.get("action_id").asText()).toList();
  }

  @Test
  void predictionMessagesFollowTheDesign() {
    assertThat(SlackMessages.predictionText("j1", 23.4, 0.91))
        .isEqualTo("✅ Job `j1` will start in approximately *23 minutes* (calibration: 91%)");
    assertThat(SlackMessages.predictionText("j2", 1, 0.72))
        .isEqualTo("⚠️ Job `j2` will start in approximately *1 minute* (calibration: 72%)");
    assertThat(SlackMessages.predictionText("j3", 90, 0.45))
        .isEqualTo("❓ Job `j3` will start in approximately *90 minutes* (calibration: 45%)");
    // the design's comparisons are strict
    assertThat(SlackMessages.confidenceEmoji(0.86)).isEqualTo("✅");
    assertThat(SlackMessages.confidenceEmoji(0.85)).isEqualTo("⚠️");
    assertThat(SlackMessages.confidenceEmoji(0.61)).isEqualTo("⚠️");
    assertThat(SlackMessages.confidenceEmoji(0.60)).isEqualTo("❓");
  }

  @Test
  void aPredictionAlertRendersAsOneSection() throws Exception {
    Alert a = SlackMessages.prediction("#gpu-alerts", "j1", Duration.ofMinutes(23), 0.91);
    assertThat(a.kind()).isEqualTo(AlertKind.MESSAGE);
    ObjectNode expected = (ObjectNode) JSON.readTree("""
        {"channel":"#gpu-alerts",
         "text":"✅ Job `j1` will start in approximately *23 minutes* (calibration: 91%)",
         "blocks":[{"type":"section","text":{"type":"mrkdwn",
           "text":"✅ Job `j1` will start in approximately *23 minutes* (calibration: 91%)"}}]}
        """);
    assertThat(SlackMessages.payload(a)).isEqualTo(expected);
    assertThatThrownBy(() -> SlackMessages.prediction("#c", "j", Duration.ofMinutes(1), 1.2))
        .hasMessage("calibrationScore must be in [0, 1] but was 1.2");
  }

  @Test
  void anEscalationWithAnApprovalHasAcknowledgeApproveAndDeny() {
    ObjectNode context = JSON.createObjectNode();
    context.put("job_id", "j7");
    context.put("cluster_id", "polaris");
    context.put("action", "hold");
    context.put("tier", 4);
    context.put("approval_id", "a-123");
    JsonNode p = SlackMessages.payload(Alert.escalation("#gpu-alerts", "Low calibration (0.45) for cluster polaris",
        context));
    assertThat(p.get("channel").asText()).isEqualTo("#gpu-alerts");
    assertThat(p.at("/blocks/0/type").asText()).isEqualTo("section");
    assertThat(p.at("/blocks/0/text/text").asText())
        .isEqualTo("🚨 *Human Review Needed*\nLow calibration (0.45) for cluster polaris");
    assertThat(p.at("/blocks/1/fields")).hasSize(5);
    assertThat(p.at("/blocks/1/fields/0/text").asText()).isEqualTo("*job_id:*\nj7");
    assertThat(actionIds(p)).containsExactly("acknowledge_escalation", "vgac_approve:a-123", "vgac_deny:a-123");
    JsonNode buttons = p.at("/blocks/2/elements");
    assertThat(buttons.get(0).get("value").asText()).isEqualTo("a-123");
    assertThat(buttons.get(1).get("style").asText()).isEqualTo("primary");
    assertThat(buttons.get(2).get("style").asText()).isEqualTo("danger");
    assertThat(buttons.get(1).at("/text/type").asText()).isEqualTo("plain_text");
  }

  @Test
  void anEscalationWithoutApprovalOnlyAcknowledges() {
    ObjectNode context = JSON.createObjectNode().put("job_id", "j8");
    JsonNode p = SlackMessages.payload(Alert.escalation("#ops", "needs a look", context));
    assertThat(actionIds(p)).containsExactly("acknowledge_escalation");
    assertThat(p.at("/blocks/2/elements/0/value").asText()).isEqualTo("j8");
  }

  @Test
  void alertsAndMessages() {
    JsonNode alert = SlackMessages.payload(Alert.alert("#gpu-alerts", AlertSeverity.CRITICAL, "GPU <node-3> down"));
    assertThat(alert.at("/blocks/0/text/text").asText()).isEqualTo("🔥 *Critical alert*\nGPU &lt;node-3&gt; down");
    assertThat(actionIds(alert)).isEmpty();
    ObjectNode c = JSON.createObjectNode().put("job_id", "j9").put("owner", "alice").put("queue", "gpu");
    JsonNode msg = SlackMessages.payload(new Alert(AlertKind.MESSAGE, "#gpu-alerts", AlertSeverity.INFO,
        "Job j9 is likely to wait long & <b>", c));
    assertThat(msg.at("/blocks/0/text/text").asText()).isEqualTo("Job j9 is likely to wait long &amp; &lt;b&gt;");
    assertThat(msg.at("/blocks/1/type").asText()).isEqualTo("context");
    assertThat(msg.at("/blocks/1/elements/0/text").asText()).isEqualTo("job_id: j9 · owner: alice · queue: gpu");
  }

  @Test
  void aPendingApprovalCarriesItsIdInBothButtons() {
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    PendingApproval a = new PendingApproval("ap-1", "polaris", "j1", ProposedAction.HOLD,
        Map.of("reason", "confirm"), 0.95, "Learning mode for cluster polaris (40 samples)", "ece=0.000 n=40",
        "agents", "#gpu-alerts", t, t.plus(Duration.ofHours(1)), ApprovalStatus.PENDING, null, null, null);
    JsonNode p = SlackMessages.pendingApproval(a, "#approvals");
    assertThat(p.get("channel").asText()).isEqualTo("#approvals");
    assertThat(p.at("/blocks/0/text/text").asText()).startsWith("🚨 *Human Review Needed*\nLearning mode");
    assertThat(actionIds(p)).containsExactly("vgac_approve:ap-1", "vgac_deny:ap-1");
    assertThat(p.toString()).contains("\"*approval_id:*\\nap-1\"").contains("2026-01-05T11:00:00Z");
  }

  @Test
  void longTextIsCutToBlockKitsLimits() {
    String longText = "x".repeat(5000);
    JsonNode p = SlackMessages.payload(Alert.message("#c", longText));
    assertThat(p.at("/blocks/0/text/text").asText()).hasSize(SlackMessages.MAX_TEXT).endsWith("…");
    assertThat(p.get("text").asText()).hasSize(SlackMessages.MAX_TEXT);
  }
}
