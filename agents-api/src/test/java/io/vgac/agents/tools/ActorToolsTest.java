package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.agents.model.AgentsJson;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actor tools: scheduler changes only through the gate, the design's gated execution, and sink failures. */
class ActorToolsTest {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final RecordingNotifier sink = new RecordingNotifier();
  final InMemoryJobDirectory jobs = new InMemoryJobDirectory();
  final List<GateDecision> decisions = new ArrayList<>();
  final Map<String, CalibrationEvidence> evidence = new HashMap<>();

  ToolRegistry tools(EnvironmentTrackers trackers, EvidenceSource source, SchedulerActions s, Notifier alerts) {
    GatedActions gated = new GatedActions(new ActionGate(GateConfig.ofDefaults(), clock), source, s, decisions::add);
    return AgentTools.builder(trackers).actions(gated, jobs).notifier(alerts).build();
  }

  ToolRegistry tools() {
    return tools(Seeded.trackers(), evidence::get, scheduler, sink);
  }

  /** Evidence of a calibrated (not learning, not drifting) environment with the given score, scope and tier. */
  void evidence(String env, double score, Scope scope, int tier) {
    double ece = (1 - score) / 5;
    evidence.put(env, new CalibrationEvidence(env, 1000, false, score, scope, tier, ece,
        new Interval(ece * 0.8, ece * 1.2, 0.9), DriftSeverity.NONE, TrackerState.CALIBRATED, NOW));
  }

  static JsonNode args(String json) {
    return AgentsJson.read(json, JsonNode.class);
  }

  static final String REQUEUE = "{\"job_id\":\"j1\",\"target_queue\":\"spot\"}";
  static final String PRIORITY = "{\"job_id\":\"j1\",\"priority\":\"high\"}";

  @Test
  void underEscalateNothingReachesTheSchedulerAndAHumanIsAsked() {
    EnvironmentTrackers trackers = Seeded.trackers();
    Seeded.miscalibrated(trackers, "c-bad", 400);   // score 0 → ESCALATE
    Seeded.calibrated(trackers, "c-new", 10);       // learning → ESCALATE
    ToolRegistry t = tools(trackers, EvidenceSource.of(trackers, clock), scheduler, sink);
    for (String env : List.of("c-bad", "c-new", "c-unknown")) {
      jobs.put("j1", env, 0.99);
      for (String[] call : List.of(new String[] {ToolCatalog.REQUEUE_JOB, REQUEUE},
          new String[] {ToolCatalog.ADJUST_PRIORITY, PRIORITY})) {
        ToolResult r = t.call(call[0], args(call[1]));
        assertThat(r.success()).isTrue();
        JsonNode d = r.data();
        assertThat(d.get("executed").asBoolean()).isFalse();
        assertThat(d.get("decision").asText()).isEqualTo("escalated");
        assertThat(d.get("action_scope").asText()).isEqualTo("ESCALATE");
        assertThat(d.get("reason").asText()).isNotBlank();
        assertThat(d.get("escalated_to_human").asBoolean()).isTrue();
      }
    }
    assertThat(scheduler.count()).isZero();
    assertThat(decisions).hasSize(6);
    List<Alert> escalations = sink.alerts(AlertKind.ESCALATION);
    assertThat(escalations).hasSize(6);
    assertThat(escalations.get(0).message())
        .isEqualTo("Critical calibration drift for cluster c-bad: escalate-only until recalibrated");
    assertThat(escalations.get(0).channel()).isEqualTo("#gpu-alerts");
    assertThat(escalations.get(0).context().get("job_id").asText()).isEqualTo("j1");
    assertThat(escalations.get(0).context().get("proposed_action").asText())
        .isEqualTo("requeue job j1 to spot (cluster c-bad)");
  }

  @Test
  void theDesignsEscalationReasonAndShape() {
    evidence("c", 0.45, Scope.ESCALATE, 0);
    jobs.put("j1", "c", 0.95);
    JsonNode d = tools().call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).data();
    assertThat(d.get("executed").asBoolean()).isFalse();
    assertThat(d.get("reason").asText()).isEqualTo("Low calibration (0.45) for cluster c");
    assertThat(d.get("action_scope").asText()).isEqualTo("ESCALATE");
    assertThat(scheduler.count()).isZero();
  }

  @Test
  void autonomousExecutesWithoutNotifying() {
    evidence("c", 0.95, Scope.AUTONOMOUS, 4);
    jobs.put("j1", "c", 0.95);
    ToolRegistry t = tools();
    JsonNode d = t.call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).data();
    assertThat(d.get("executed").asBoolean()).isTrue();
    assertThat(d.get("decision").asText()).isEqualTo("executed");
    assertThat(d.get("action_scope").asText()).isEqualTo("AUTONOMOUS");
    assertThat(d.get("notified_human").asBoolean()).isFalse();
    t.call(ToolCatalog.ADJUST_PRIORITY, args(PRIORITY));
    assertThat(scheduler.calls()).containsExactly(
        new RecordingSchedulerActions.Call(ProposedAction.REQUEUE, "c", "j1", "spot"),
        new RecordingSchedulerActions.Call(ProposedAction.ADJUST_PRIORITY, "c", "j1", PriorityLevel.HIGH.name()));
    assertThat(sink.count()).isZero();
  }

  @Test
  void notifyExecutesThenTellsTheAlertChannel() {
    evidence("c", 0.80, Scope.NOTIFY, 4);
    jobs.put("j1", "c", 0.95);
    JsonNode d = tools().call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).data();
    assertThat(d.get("executed").asBoolean()).isTrue();
    assertThat(d.get("decision").asText()).isEqualTo("executed_and_notified");
    assertThat(d.get("notified_human").asBoolean()).isTrue();
    assertThat(scheduler.count()).isEqualTo(1);
    assertThat(sink.alerts()).containsExactly(Alert.message("#gpu-alerts",
        "Action taken with moderate confidence: requeue job j1 to spot (cluster c)"));
  }

  @Test
  void deniedWhenTheTierOrThresholdIsNotMet() {
    evidence("c", 0.95, Scope.AUTONOMOUS, 2);
    jobs.put("j1", "c", 0.95);
    JsonNode d = tools().call(ToolCatalog.ADJUST_PRIORITY, args(PRIORITY)).data();
    assertThat(d.get("executed").asBoolean()).isFalse();
    assertThat(d.get("decision").asText()).isEqualTo("denied");
    assertThat(d.get("reason").asText()).contains("needs qualified tier ≥ 4");
    assertThat(scheduler.count()).isZero();
    assertThat(sink.count()).isZero();
  }

  @Test
  void aJobWithoutPredictionEscalatesAndAnUnknownJobFails() {
    evidence("c", 0.95, Scope.AUTONOMOUS, 4);
    jobs.put("j1", "c", Double.NaN);
    ToolRegistry t = tools();
    JsonNode d = t.call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).data();
    assertThat(d.get("decision").asText()).isEqualTo("escalated");
    assertThat(d.get("reason").asText()).isEqualTo("No prediction available for job j1");
    ToolResult unknown = t.call(ToolCatalog.REQUEUE_JOB, args("{\"job_id\":\"j9\",\"target_queue\":\"spot\"}"));
    assertThat(unknown.error()).isEqualTo("Unknown job 'j9': no cluster or prediction on record");
    assertThat(scheduler.count()).isZero();
  }

  @Test
  void sinkFailuresAreReportedAndNeverChangeTheDecision() {
    Notifier broken = a -> {
      throw new IllegalStateException("webhook 500");
    };
    evidence("low", 0.45, Scope.ESCALATE, 0);
    evidence("mid", 0.80, Scope.NOTIFY, 4);
    jobs.put("j1", "low", 0.95);
    jobs.put("j2", "mid", 0.95);
    ToolRegistry t = tools(Seeded.trackers(), evidence::get, scheduler, broken);
    JsonNode esc = t.call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).data();
    assertThat(esc.get("decision").asText()).isEqualTo("escalated");
    assertThat(esc.get("escalated_to_human").asBoolean()).isFalse();
    assertThat(esc.get("escalation_error").asText()).isEqualTo("IllegalStateException: webhook 500");
    JsonNode notified = t.call(ToolCatalog.REQUEUE_JOB, args("{\"job_id\":\"j2\",\"target_queue\":\"spot\"}"))
        .data();
    assertThat(notified.get("executed").asBoolean()).isTrue();
    assertThat(notified.get("notified_human").asBoolean()).isFalse();
    assertThat(scheduler.calls()).hasSize(1);
    ToolResult slack = t.call(ToolCatalog.SEND_SLACK_NOTIFICATION, args("{\"channel\":\"#ops\",\"message\":\"hi\"}"));
    assertThat(slack.error()).isEqualTo("Notification to #ops failed: IllegalStateException: webhook 500");
    assertThat(t.call(ToolCatalog.CREATE_ALERT, args("{\"severity\":\"warning\",\"message\":\"m\"}")).error())
        .startsWith("Alert to #gpu-alerts failed: ");
    assertThat(t.call(ToolCatalog.ESCALATE_TO_HUMAN, args("{\"reason\":\"r\",\"context\":{}}")).error())
        .startsWith("Escalation to #gpu-alerts failed: ");
  }

  @Test
  void aFailingSchedulerIsAFailureThatKeepsTheDecision() {
    SchedulerActions broken = new SchedulerActions() {
      @Override
      public void requeue(String clusterId, String jobId, String targetQueue) {
        throw new IllegalStateException("slurmctld down");
      }

      @Override
      public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {}

      @Override
      public void annotate(String clusterId, String jobId, String key, String value) {}

      @Override
      public void hold(String clusterId, String jobId, String reason) {}
    };
    evidence("c", 0.95, Scope.AUTONOMOUS, 4);
    jobs.put("j1", "c", 0.95);
    ToolResult r = tools(Seeded.trackers(), evidence::get, broken, sink).call(ToolCatalog.REQUEUE_JOB, args(REQUEUE));
    assertThat(r.success()).isFalse();
    assertThat(r.error()).isEqualTo("The gate allowed requeue job j1 to spot (cluster c) (executed, scope AUTONOMOUS)"
        + " but the scheduler failed: IllegalStateException: slurmctld down");
    assertThat(decisions).hasSize(1);
  }

  @Test
  void notificationToolsGoToTheSink() {
    ToolRegistry t = tools();
    JsonNode m = t.call(ToolCatalog.SEND_SLACK_NOTIFICATION, args("{\"channel\":\"#ops\",\"message\":\"hi\"}")).data();
    assertThat(m.get("delivered").asBoolean()).isTrue();
    JsonNode a = t.call(ToolCatalog.CREATE_ALERT, args("{\"severity\":\"critical\",\"message\":\"queue stuck\"}"))
        .data();
    assertThat(a.get("severity").asText()).isEqualTo("CRITICAL");
    JsonNode e = t.call(ToolCatalog.ESCALATE_TO_HUMAN,
        args("{\"reason\":\"Low calibration (0.45) for cluster X\",\"context\":{\"job_id\":\"j1\"}}")).data();
    assertThat(e.get("escalated").asBoolean()).isTrue();
    assertThat(sink.alerts()).containsExactly(
        Alert.message("#ops", "hi"),
        Alert.alert("#gpu-alerts", AlertSeverity.CRITICAL, "queue stuck"),
        Alert.escalation("#gpu-alerts", "Low calibration (0.45) for cluster X",
            (com.fasterxml.jackson.databind.node.ObjectNode) args("{\"job_id\":\"j1\"}")));
    assertThat(scheduler.count()).isZero();
  }

  @Test
  void withoutAGateTheSchedulerToolsAreNotRegistered() {
    ToolRegistry t = AgentTools.builder(Seeded.trackers()).build();
    assertThat(t.contains(ToolCatalog.REQUEUE_JOB)).isFalse();
    assertThat(t.contains(ToolCatalog.ADJUST_PRIORITY)).isFalse();
    assertThat(t.call(ToolCatalog.REQUEUE_JOB, args(REQUEUE)).error()).startsWith("Unknown tool 'tool_requeue_job'");
  }
}
