package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ESCALATE rule of predictions: no value, the design's message, and the predictor is not even asked. */
class CalibratedPredictionToolTest {
  final EnvironmentTrackers trackers = Seeded.trackers();
  final AtomicInteger calls = new AtomicInteger();
  final PredictionFunction predictor = (job, cluster) -> {
    calls.incrementAndGet();
    return new WaitPrediction(job, 0.8, Duration.ofMinutes(45), 0.7, "risk-v1");
  };

  ToolResult predict(ToolRegistry t, String cluster) {
    return t.call(ToolCatalog.PREDICT_WAIT_TIME,
        AgentsJson.read("{\"job_id\":\"j1\",\"cluster_id\":\"" + cluster + "\"}", JsonNode.class));
  }

  @Test
  void underEscalateThereIsNoValueAndThePredictorIsNotCalled() {
    Seeded.miscalibrated(trackers, "bad", 400);
    Seeded.calibrated(trackers, "new", 10);
    ToolRegistry t = AgentTools.builder(trackers).predictor(predictor).build();
    for (String cluster : new String[] {"bad", "new", "unknown"}) {
      ToolResult r = predict(t, cluster);
      assertThat(r.success()).isTrue();
      JsonNode d = r.data();
      assertThat(d.get("prediction").isNull()).isTrue();
      assertThat(d.get("message").asText()).isEqualTo("Predictions unreliable for this environment");
      assertThat(d.get("action_scope").asText()).isEqualTo("ESCALATE");
      assertThat(d.get("uncertain").asBoolean()).isTrue();
      assertThat(d.get("cluster_id").asText()).isEqualTo(cluster);
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void underAutonomousThePredictionIsReturned() {
    Seeded.calibrated(trackers, "good", 400);
    JsonNode d = predict(AgentTools.builder(trackers).predictor(predictor).build(), "good").data();
    assertThat(d.get("action_scope").asText()).isEqualTo("AUTONOMOUS");
    assertThat(d.get("uncertain").asBoolean()).isFalse();
    JsonNode p = d.get("prediction");
    assertThat(p.get("job_id").asText()).isEqualTo("j1");
    assertThat(p.get("probability_long_wait").asDouble()).isEqualTo(0.8);
    assertThat(p.get("estimated_wait").asText()).isEqualTo("PT45M");
    assertThat(p.get("estimated_wait_minutes").asDouble()).isEqualTo(45.0);
    assertThat(p.get("model_version").asText()).isEqualTo("risk-v1");
    assertThat(d.get("calibration_score").asDouble()).isEqualTo(1.0);
    assertThat(calls).hasValue(1);
  }

  @Test
  void underNotifyThePredictionIsFlaggedUncertain() {
    Seeded.feed(trackers, "mid", 400, 0.3, 6, 0.7, 19, 25); // ECE 0.06, score 0.70: NOTIFY at most
    ToolResult r = predict(AgentTools.builder(trackers).predictor(predictor).build(), "mid");
    JsonNode d = r.data();
    assertThat(d.get("action_scope").asText()).isEqualTo("NOTIFY");
    assertThat(d.get("uncertain").asBoolean()).isTrue();
    assertThat(d.get("prediction").isObject()).isTrue();
    assertThat(d.get("message").asText()).isEqualTo("Moderate calibration (0.70): treat this prediction as uncertain");
  }

  @Test
  void aPredictorThatFailsOrAnswersForAnotherJobIsAFailure() {
    Seeded.calibrated(trackers, "good", 400);
    ToolResult thrown = predict(AgentTools.builder(trackers).predictor((j, c) -> {
      throw new java.io.IOException("model not loaded");
    }).build(), "good");
    assertThat(thrown.error()).isEqualTo("tool_predict_wait_time failed: IOException: model not loaded");
    ToolResult other = predict(AgentTools.builder(trackers)
        .predictor((j, c) -> new WaitPrediction("j2", 0.1, Duration.ZERO, 0.5, "v")).build(), "good");
    assertThat(other.error()).isEqualTo("The predictor answered for job j2 instead of j1");
    ToolResult none = predict(AgentTools.builder(trackers).predictor((j, c) -> null).build(), "good");
    assertThat(none.error()).isEqualTo("The predictor returned no prediction for job j1");
  }

  @Test
  void withoutAPredictorTheToolIsNotRegistered() {
    ToolRegistry t = AgentTools.builder(trackers).build();
    assertThat(t.contains(ToolCatalog.PREDICT_WAIT_TIME)).isFalse();
    assertThat(predict(t, "good").success()).isFalse();
  }
}
