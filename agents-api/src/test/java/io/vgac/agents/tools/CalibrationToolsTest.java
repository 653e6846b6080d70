package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calibrator tools (and the predictor's calibration and profile tools) against live, seeded trackers. */
class CalibrationToolsTest {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  EnvironmentTrackers trackers;
  EnvironmentProfiles profiles;
  ToolRegistry tools;

  @BeforeEach
  void seed() {
    trackers = Seeded.trackers();
    Seeded.calibrated(trackers, "good", 400);
    Seeded.significant(trackers, "drifting", 400);
    Seeded.miscalibrated(trackers, "bad", 400);
    Seeded.calibrated(trackers, "new", 10);
    profiles = new EnvironmentProfiles(Clock.fixed(NOW, ZoneOffset.UTC));
    tools = AgentTools.builder(trackers).profiles(profiles).notifier(Notifier.none()).build();
  }

  JsonNode ok(String tool, String args) {
    ToolResult r = tools.call(tool, AgentsJson.read(args, JsonNode.class));
    assertThat(r.success()).as(String.valueOf(r.error())).isTrue();
    return r.data();
  }

  static List<String> fields(JsonNode n) {
    List<String> f = new ArrayList<>();
    n.fieldNames().forEachRemaining(f::add);
    return f;
  }

  @Test
  void calibrationScoreOfAWellCalibratedCluster() {
    JsonNode d = ok(ToolCatalog.GET_CALIBRATION_SCORE, "{\"cluster_id\":\"good\"}");
    assertThat(d.get("cluster_id").asText()).isEqualTo("good");
    assertThat(d.get("calibration_score").asDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(d.get("ece").asDouble()).isCloseTo(0.0, within(1e-9));
    assertThat(d.get("action_scope").asText()).isEqualTo("AUTONOMOUS");
    assertThat(d.get("sample_count").asLong()).isEqualTo(400);
    assertThat(d.get("is_learning_mode").asBoolean()).isFalse();
    assertThat(d.get("qualified_tier").asInt()).isEqualTo(4);
    assertThat(d.get("ece_ci")).hasSize(2);
    assertThat(d.get("ece_ci_level").asDouble()).isBetween(0.5, 1.0);
    assertThat(d.get("machine_state").asText()).isEqualTo("CALIBRATED");
    assertThat(d.get("known").asBoolean()).isTrue();
  }

  @Test
  void calibrationScoreOfAPoorAndOfALearningCluster() {
    JsonNode bad = ok(ToolCatalog.GET_CALIBRATION_SCORE, "{\"cluster_id\":\"bad\"}");
    assertThat(bad.get("ece").asDouble()).isCloseTo(0.4, within(1e-9));
    assertThat(bad.get("calibration_score").asDouble()).isZero();
    assertThat(bad.get("action_scope").asText()).isEqualTo("ESCALATE");
    assertThat(bad.get("qualified_tier").asInt()).isZero();
    JsonNode learning = ok(ToolCatalog.GET_CALIBRATION_SCORE, "{\"cluster_id\":\"new\"}");
    assertThat(learning.get("is_learning_mode").asBoolean()).isTrue();
    assertThat(learning.get("sample_count").asLong()).isEqualTo(10);
    assertThat(learning.get("action_scope").asText()).isEqualTo("ESCALATE");
  }

  @Test
  void anUnknownClusterReportsTheDesignsStartingStateWithoutCreatingIt() {
    JsonNode d = ok(ToolCatalog.GET_CALIBRATION_SCORE, "{\"cluster_id\":\"nowhere\"}");
    assertThat(d.get("calibration_score").asDouble()).isEqualTo(0.5);
    assertThat(d.get("sample_count").asLong()).isZero();
    assertThat(d.get("is_learning_mode").asBoolean()).isTrue();
    assertThat(d.get("action_scope").asText()).isEqualTo("ESCALATE");
    assertThat(d.get("ece").isNull()).isTrue(); // NaN is null on the wire, never "NaN"
    assertThat(d.get("ece_ci").get(0).isNull()).isTrue();
    assertThat(d.get("known").asBoolean()).isFalse();
    assertThat(trackers.environments()).doesNotContain("nowhere");
  }

  @Test
  void driftCheckHasExactlyTheDesignsShape() {
    JsonNode d = ok(ToolCatalog.CHECK_CALIBRATION_DRIFT, "{\"cluster_id\":\"drifting\"}");
    assertThat(fields(d)).containsExactly("cluster_id", "drift_status", "current_calibration_score", "sample_count");
    assertThat(fields(d.get("drift_status"))).containsExactly("severity", "action", "message", "drift_ratio");
    assertThat(d.get("cluster_id").asText()).isEqualTo("drifting");
    assertThat(d.get("drift_status").get("severity").asText()).isEqualTo("SIGNIFICANT");
    assertThat(d.get("drift_status").get("action").asText()).isEqualTo("REDUCE_AUTONOMY");
    assertThat(d.get("drift_status").get("drift_ratio").asDouble()).isCloseTo(0.06 / 0.018, within(1e-9));
    assertThat(d.get("drift_status").get("message").asText())
        .isEqualTo("ECE increased 3.3× from baseline — reducing autonomous actions");
    assertThat(d.get("current_calibration_score").asDouble()).isCloseTo(0.7, within(1e-9));
    assertThat(d.get("sample_count").asLong()).isEqualTo(400);
  }

  @Test
  void driftBandsFromStableToCritical() {
    JsonNode good = ok(ToolCatalog.CHECK_CALIBRATION_DRIFT, "{\"cluster_id\":\"good\"}").get("drift_status");
    assertThat(good.get("severity").asText()).isEqualTo("NONE");
    assertThat(good.get("action").asText()).isEqualTo("CONTINUE");
    assertThat(good.get("message").asText()).isEqualTo("Calibration stable");
    JsonNode bad = ok(ToolCatalog.CHECK_CALIBRATION_DRIFT, "{\"cluster_id\":\"bad\"}").get("drift_status");
    assertThat(bad.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(bad.get("action").asText()).isEqualTo("TRIGGER_RECALIBRATION");
    assertThat(bad.get("drift_ratio").asDouble()).isGreaterThan(20); // the design's "22×" case
    assertThat(bad.get("message").asText()).endsWith("— recalibration required");
  }

  @Test
  void driftOfAnUnknownClusterIsInsufficientData() {
    JsonNode d = ok(ToolCatalog.CHECK_CALIBRATION_DRIFT, "{\"cluster_id\":\"nowhere\"}");
    assertThat(fields(d)).containsExactly("cluster_id", "drift_status", "current_calibration_score", "sample_count");
    assertThat(d.get("drift_status").get("severity").asText()).isEqualTo("INSUFFICIENT_DATA");
    assertThat(d.get("drift_status").get("drift_ratio").isNull()).isTrue();
    assertThat(d.get("current_calibration_score").asDouble()).isEqualTo(0.5);
    assertThat(d.get("sample_count").asLong()).isZero();
  }

  @Test
  void triggeringARecalibrationRecordsItOnTheTracker() {
    TrackerState before = trackers.state("bad").machineState();
    assertThat(before).isEqualTo(TrackerState.DRIFTING);
    JsonNode d = ok(ToolCatalog.TRIGGER_RECALIBRATION, "{\"cluster_id\":\"bad\",\"reason\":\"ECE 22x baseline\"}");
    assertThat(d.get("recorded").asBoolean()).isTrue();
    assertThat(d.get("method").asText()).isEqualTo(CalibrationTools.DEFAULT_RECALIBRATION_METHOD);
    assertThat(d.get("calibrator_version").asLong()).isEqualTo(1);
    assertThat(d.get("reason").asText()).isEqualTo("ECE 22x baseline");
    assertThat(d.get("previous_state").asText()).isEqualTo("DRIFTING");
    assertThat(d.get("machine_state").asText()).isEqualTo("RECALIBRATING");
    assertThat(d.get("action_scope").asText()).isEqualTo("ESCALATE"); // fresh window: under 50 outcomes
    assertThat(trackers.state("bad").calibratorMethod()).isEqualTo("requested");
    assertThat(trackers.state("bad").calibratorVersion()).isEqualTo(1);
    assertThat(trackers.state("bad").machineState()).isEqualTo(TrackerState.RECALIBRATING);
    // a second request records the next version
    assertThat(ok(ToolCatalog.TRIGGER_RECALIBRATION, "{\"cluster_id\":\"bad\",\"reason\":\"again\"}")
        .get("calibrator_version").asLong()).isEqualTo(2);
  }

  @Test
  void recalibrationMethodIsConfigurableAndUnknownClustersAreNotCreated() {
    ToolRegistry t = AgentTools.builder(trackers).recalibrationMethod("isotonic").build();
    ToolResult r = t.call(ToolCatalog.TRIGGER_RECALIBRATION,
        AgentsJson.read("{\"cluster_id\":\"good\",\"reason\":\"weekly\"}", JsonNode.class));
    assertThat(r.data().get("method").asText()).isEqualTo("isotonic");
    assertThat(trackers.state("good").calibratorMethod()).isEqualTo("isotonic");
    r = t.call(ToolCatalog.TRIGGER_RECALIBRATION,
        AgentsJson.read("{\"cluster_id\":\"nowhere\",\"reason\":\"x\"}", JsonNode.class));
    assertThat(r.success()).isFalse();
    assertThat(r.error()).isEqualTo("Unknown cluster 'nowhere': no outcomes recorded, nothing to recalibrate");
    assertThat(trackers.environments()).doesNotContain("nowhere");
  }

  @Test
  void profilesAreStoredMergedAndReadBack() {
    JsonNode none = ok(ToolCatalog.GET_ENVIRONMENT_PROFILE, "{\"cluster_id\":\"good\"}");
    assertThat(none.get("found").asBoolean()).isFalse();
    assertThat(none.get("metrics").isNull()).isTrue();
    JsonNode u = ok(ToolCatalog.UPDATE_ENVIRONMENT_PROFILE,
        "{\"cluster_id\":\"good\",\"metrics\":{\"avg_queue_depth\":12.5,\"peak_hours\":[9,10],\"ece\":0.02}}");
    assertThat(u.get("found").asBoolean()).isTrue();
    assertThat(u.get("updated_at").asText()).isEqualTo(NOW.toString());
    assertThat(u.get("updated_fields")).hasSize(3);
    ok(ToolCatalog.UPDATE_ENVIRONMENT_PROFILE,
        "{\"cluster_id\":\"good\",\"metrics\":{\"ece\":0.03,\"typical_wait_minutes\":14}}");
    JsonNode got = ok(ToolCatalog.GET_ENVIRONMENT_PROFILE, "{\"cluster_id\":\"good\"}");
    assertThat(got.get("metrics")).isEqualTo(AgentsJson.read(
        "{\"avg_queue_depth\":12.5,\"peak_hours\":[9,10],\"ece\":0.03,\"typical_wait_minutes\":14}",
        ObjectNode.class));
    assertThat(profiles.get("good")).isPresent();
    // a profile never moves the calibration: that comes only from outcomes
    assertThat(trackers.state("good").windowEce()).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void allCalibrationsListsEveryClusterSorted() {
    JsonNode d = ok(ToolCatalog.GET_ALL_CALIBRATIONS, "{}");
    assertThat(d.get("count").asInt()).isEqualTo(4);
    List<String> ids = new ArrayList<>();
    d.get("environments").forEach(e -> ids.add(e.get("cluster_id").asText()));
    assertThat(ids).containsExactly("bad", "drifting", "good", "new");
    JsonNode bad = d.get("environments").get(0);
    assertThat(bad.get("drift_severity").asText()).isEqualTo("CRITICAL");
    assertThat(bad.get("recalibration_required").asBoolean()).isTrue();
    assertThat(bad.get("action_scope").asText()).isEqualTo("ESCALATE");
    assertThat(d.get("environments").get(2).get("action_scope").asText()).isEqualTo("AUTONOMOUS");
    assertThat(d.get("environments").get(3).get("is_learning_mode").asBoolean()).isTrue();
  }
}
