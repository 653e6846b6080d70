package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.CachingClusterTelemetry;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.spi.States;
import io.vgac.agents.spi.TestClock;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The observer tools and tool_predict_wait_time wired to the telemetry and predictor SPIs. */
class ObserverToolsTest {
  final Instant t0 = Instant.ofEpochMilli(Seeded.T0);
  final TestClock clock = new TestClock(t0);
  final InMemoryClusterTelemetry memory = new InMemoryClusterTelemetry(clock);
  final CachingClusterTelemetry telemetry = CachingClusterTelemetry.builder(memory).ttl(Duration.ZERO)
      .clock(clock).build();
  final EnvironmentTrackers trackers = Seeded.trackers();
  final Map<String, Job> jobs = Map.of("j1", States.job("j1", "c", 8, t0));
  final ObserverTools observer = new ObserverTools(telemetry);
  final ToolRegistry tools = AgentTools.builder(trackers)
      .clusterState(observer::clusterState)
      .queueDepth(observer::queueDepth)
      .predictor(new TelemetryPredictionFunction((c, id) -> Optional.ofNullable(jobs.get(id)).filter(j -> j.clusterId().equals(c)), telemetry,
          LogisticWaitPredictor.ofDefaults()))
      .build();

  ToolResult call(String tool, String json) {
    return tools.call(tool, AgentsJson.read(json, JsonNode.class));
  }

  @Test
  void clusterStateAndQueueDepthComeFromTheTelemetry() {
    memory.put(States.state("c", 4, 30, 70, 50, t0));
    ToolResult s = call(ToolCatalog.GET_CLUSTER_STATE, "{\"cluster_id\":\"c\"}");
    assertThat(s.success()).isTrue();
    assertThat(s.data().get("gpus_available").asInt()).isEqualTo(4);
    assertThat(s.data().get("scheduler_type").asText()).isEqualTo("SLURM");
    ToolResult q = call(ToolCatalog.GET_QUEUE_DEPTH, "{\"cluster_id\":\"c\"}");
    assertThat(q.data().get("queue_depth").asInt()).isEqualTo(50);
    assertThat(q.data().get("pending_jobs").asInt()).isEqualTo(30);
    assertThat(q.data().get("observed_at").asText()).isEqualTo("2026-01-05T10:00:00Z");
  }

  @Test
  void anUnknownOrStaleClusterIsAFailureNotAMadeUpNumber() {
    ToolResult unknown = call(ToolCatalog.GET_QUEUE_DEPTH, "{\"cluster_id\":\"c\"}");
    assertThat(unknown.success()).isFalse();
    assertThat(unknown.error()).contains("No fresh state for cluster 'c'");
    memory.put(States.idle("c", t0));
    clock.advance(Duration.ofMinutes(6));
    assertThat(call(ToolCatalog.GET_CLUSTER_STATE, "{\"cluster_id\":\"c\"}").success()).isFalse();
  }

  @Test
  void theAnomalyToolStaysUnregistered() {
    assertThat(tools.contains(ToolCatalog.DETECT_ANOMALY)).isFalse();
  }

  @Test
  void predictionsGoThroughTheCalibrationRule() {
    memory.put(States.state("c", 0, 200, 80, 200, t0));
    String args = "{\"job_id\":\"j1\",\"cluster_id\":\"c\"}";
    ToolResult escalated = call(ToolCatalog.PREDICT_WAIT_TIME, args);
    assertThat(escalated.data().get("prediction").isNull()).isTrue(); // unknown calibration: no value
    Seeded.calibrated(trackers, "c", 1000);
    ToolResult r = call(ToolCatalog.PREDICT_WAIT_TIME, args);
    assertThat(r.success()).isTrue();
    JsonNode p = r.data().get("prediction");
    assertThat(p.get("probability_long_wait").asDouble()).isGreaterThan(0.9);
    assertThat(p.get("model_version").asText()).isEqualTo(LogisticWaitModel.defaultModel().modelVersion());
    assertThat(r.data().get("action_scope").asText()).isEqualTo("AUTONOMOUS");
  }

  @Test
  void anUnknownJobOrClusterWithoutStateFailsWithAReason() {
    Seeded.calibrated(trackers, "c", 1000);
    Seeded.calibrated(trackers, "d", 1000);
    ToolResult noState = call(ToolCatalog.PREDICT_WAIT_TIME, "{\"job_id\":\"j1\",\"cluster_id\":\"c\"}");
    assertThat(noState.success()).isFalse();
    assertThat(noState.error()).contains("No fresh state for cluster 'c'");
    ToolResult noJob = call(ToolCatalog.PREDICT_WAIT_TIME, "{\"job_id\":\"zz\",\"cluster_id\":\"c\"}");
    assertThat(noJob.error()).contains("Unknown job 'zz' in cluster 'c'");
    ToolResult wrong = call(ToolCatalog.PREDICT_WAIT_TIME, "{\"job_id\":\"j1\",\"cluster_id\":\"d\"}");
    assertThat(wrong.error()).contains("Unknown job 'j1' in cluster 'd'");
  }
}
