package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** tool_predict_wait_time with intervals, and the human sentence. */
class WaitIntervalToolTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void theSentenceOfTheIssue() {
    WaitPrediction p = new WaitPrediction("42", 0.3, Duration.ofMinutes(45), 0.7, "m",
        new WaitInterval(12 * 60, 95 * 60, 0.8));
    assertThat(WaitText.prediction(p, 0.91)).isEqualTo(
        "Job 42 will start in ~45 min (80% interval 12–95 min; calibration 91%)");
    assertThat(WaitText.prediction(p, 0.79, 0.91)).isEqualTo(
        "Job 42 will start in ~45 min (80% interval 12–95 min, 79% realised; calibration 91%)");
    assertThat(WaitText.prediction(new WaitPrediction("7", 0.3, Duration.ofSeconds(30), 0.7, "m"), Double.NaN))
        .isEqualTo("Job 7 will start in ~30 s");
    assertThat(WaitText.interval(30, 3 * 3600)).isEqualTo("0.0–3.0 h");
    assertThat(WaitText.duration(3 * 86_400)).isEqualTo("3.0 days");
  }

  @Test
  void theToolReturnsTheIssuedIntervalAndTheEnvironmentsRealisedCoverage() {
    EnvironmentTrackers trackers = Seeded.trackers();
    Seeded.calibrated(trackers, "good", 400);
    IntervalController intervals = new IntervalController(IntervalControllerConfig.ofDefaults(),
        new double[] {-1, 1});
    // one earlier job scored (covered), then j1 issued at submission
    intervals.issue("good", "j0", 100, T0);
    intervals.outcome("good", "j0", 110, T0.plusSeconds(110));
    WaitInterval issued = intervals.issue("good", "j1", 2700, T0.plusSeconds(200)).interval().orElseThrow();
    PredictionFunction predictor = (job, cluster) -> new WaitPrediction(job, 0.2, Duration.ofMinutes(45), 0.8, "v");
    ToolRegistry t = AgentTools.builder(trackers).predictor(predictor).intervals(intervals).build();
    JsonNode d = t.call(ToolCatalog.PREDICT_WAIT_TIME,
        AgentsJson.read("{\"job_id\":\"j1\",\"cluster_id\":\"good\"}", JsonNode.class)).data();
    // the environment's median-corrected estimate, inside the band it was issued
    assertThat(d.get("wait_seconds").asDouble()).isBetween(issued.lo(), issued.hi());
    assertThat(d.get("interval").get("lo").asDouble()).isEqualTo(issued.lo());
    assertThat(d.get("interval").get("hi").asDouble()).isEqualTo(issued.hi());
    assertThat(d.get("interval").get("coverage").asDouble()).isEqualTo(0.8);
    assertThat(d.get("probability_long_wait").asDouble()).isEqualTo(0.2);
    assertThat(d.get("confidence").asDouble()).isEqualTo(0.8);
    assertThat(d.get("ece").isNumber()).isTrue();
    JsonNode cov = d.get("interval_coverage");
    assertThat(cov.get("nominal").asDouble()).isEqualTo(0.8);
    assertThat(cov.get("realised").asDouble()).isEqualTo(1.0);
    assertThat(cov.get("scored").asLong()).isEqualTo(1);
    assertThat(cov.get("ci").get(0).asDouble()).isBetween(0.0, 1.0);
    assertThat(d.get("text").asText()).startsWith("Job j1 will start in ~").contains("(80% interval ")
        .endsWith("h, 100% realised; calibration 100%)");
    // the prediction's wire form carries the interval too
    assertThat(d.get("prediction").get("interval").get("hi").asDouble()).isEqualTo(issued.hi());
  }

  @Test
  void withoutAControllerTheEvidenceHasNoCoverageAndTheIntervalIsThePredictorsOrNull() {
    EnvironmentTrackers trackers = Seeded.trackers();
    Seeded.calibrated(trackers, "good", 400);
    ToolRegistry t = AgentTools.builder(trackers)
        .predictor((job, cluster) -> new WaitPrediction(job, 0.2, Duration.ofMinutes(5), 0.8, "v")).build();
    JsonNode d = t.call(ToolCatalog.PREDICT_WAIT_TIME,
        AgentsJson.read("{\"job_id\":\"j1\",\"cluster_id\":\"good\"}", JsonNode.class)).data();
    assertThat(d.get("interval").isNull()).isTrue();
    assertThat(d.has("interval_coverage")).isFalse();
    assertThat(d.get("prediction").has("interval")).isFalse(); // old wire form unchanged
  }
}
