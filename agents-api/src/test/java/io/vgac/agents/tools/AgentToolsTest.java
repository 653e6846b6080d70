package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fully wired registry: the fifteen tools under their exact names, agents and order. */
class AgentToolsTest {

  static ToolRegistry full(EnvironmentTrackers trackers) {
    GatedActions gated = new GatedActions(ActionGate.ofDefaults(), EvidenceSource.of(trackers, Clock.systemUTC()),
        new RecordingSchedulerActions(), d -> {});
    return AgentTools.builder(trackers)
        .actions(gated, new InMemoryJobDirectory())
        .notifier(new RecordingNotifier())
        .clusterState(a -> ToolResult.failure("no telemetry in this test"))
        .queueDepth(a -> ToolResult.failure("no telemetry in this test"))
        .anomalyDetection(a -> ToolResult.failure("no telemetry in this test"))
        .predictor((j, c) -> new WaitPrediction(j, 0.5, Duration.ofMinutes(5), 0.5, "v"))
        .build();
  }

  @Test
  void theFifteenToolsOfTheDesign() {
    ToolRegistry t = full(Seeded.trackers());
    assertThat(t.names()).containsExactly(
        "tool_get_cluster_state", "tool_get_queue_depth", "tool_detect_anomaly",
        "tool_predict_wait_time", "tool_get_calibration_score", "tool_get_environment_profile",
        "tool_send_slack_notification", "tool_requeue_job", "tool_adjust_priority", "tool_create_alert",
        "tool_escalate_to_human",
        "tool_check_calibration_drift", "tool_trigger_recalibration", "tool_update_environment_profile",
        "tool_get_all_calibrations");
    assertThat(t.specs()).isEqualTo(ToolCatalog.all());
    assertThat(t.specs().stream().filter(s -> s.agent() == AgentRole.OBSERVER).map(ToolSpec::name))
        .containsExactly("tool_get_cluster_state", "tool_get_queue_depth", "tool_detect_anomaly");
    assertThat(t.specs().stream().filter(s -> s.agent() == AgentRole.PREDICTOR).count()).isEqualTo(3);
    assertThat(t.specs().stream().filter(s -> s.agent() == AgentRole.ACTOR).count()).isEqualTo(5);
    assertThat(t.specs().stream().filter(s -> s.agent() == AgentRole.CALIBRATOR).count()).isEqualTo(4);
  }

  @Test
  void theParametersOfTheDesign() {
    assertThat(params("tool_get_cluster_state")).containsExactly("cluster_id");
    assertThat(params("tool_get_queue_depth")).containsExactly("cluster_id");
    assertThat(params("tool_detect_anomaly")).containsExactly("cluster_id", "metric");
    assertThat(params("tool_predict_wait_time")).containsExactly("job_id", "cluster_id");
    assertThat(params("tool_get_calibration_score")).containsExactly("cluster_id");
    assertThat(params("tool_get_environment_profile")).containsExactly("cluster_id");
    assertThat(params("tool_send_slack_notification")).containsExactly("channel", "message");
    assertThat(params("tool_requeue_job")).containsExactly("job_id", "target_queue");
    assertThat(params("tool_adjust_priority")).containsExactly("job_id", "priority");
    assertThat(params("tool_create_alert")).containsExactly("severity", "message");
    assertThat(params("tool_escalate_to_human")).containsExactly("reason", "context");
    assertThat(params("tool_check_calibration_drift")).containsExactly("cluster_id");
    assertThat(params("tool_trigger_recalibration")).containsExactly("cluster_id", "reason");
    assertThat(params("tool_update_environment_profile")).containsExactly("cluster_id", "metrics");
    assertThat(params("tool_get_all_calibrations")).isEmpty();
    assertThat(ToolCatalog.spec("tool_escalate_to_human").parameters().at("/properties/context/type").asText())
        .isEqualTo("object");
    assertThat(ToolCatalog.spec("tool_update_environment_profile").parameters().at("/properties/metrics/type")
        .asText()).isEqualTo("object");
  }

  static List<String> params(String tool) {
    return ToolCatalog.spec(tool).parameterNames();
  }

  @Test
  void onlyTheToolsWithAHandlerAreRegistered() {
    ToolRegistry minimal = AgentTools.builder(Seeded.trackers()).build();
    assertThat(minimal.names()).containsExactly(
        "tool_get_calibration_score", "tool_get_environment_profile", "tool_send_slack_notification",
        "tool_create_alert", "tool_escalate_to_human", "tool_check_calibration_drift",
        "tool_trigger_recalibration", "tool_update_environment_profile", "tool_get_all_calibrations");
    // the observer tools are listed only when telemetry is supplied: no data is made up
    assertThat(minimal.call("tool_get_cluster_state",
        AgentsJson.read("{\"cluster_id\":\"c\"}", JsonNode.class)).error()).startsWith("Unknown tool");
  }

  @Test
  void aSuppliedObserverHandlerIsCalledOnlyWithValidArguments() {
    ToolRegistry t = full(Seeded.trackers());
    assertThat(t.call("tool_detect_anomaly", AgentsJson.read("{\"cluster_id\":\"c\",\"metric\":\"disk\"}",
        JsonNode.class)).error()).contains("parameter 'metric' must be one of");
    assertThat(t.call("tool_detect_anomaly", AgentsJson.read("{\"cluster_id\":\"c\",\"metric\":\"gpu_util\"}",
        JsonNode.class)).error()).isEqualTo("no telemetry in this test");
  }
}
