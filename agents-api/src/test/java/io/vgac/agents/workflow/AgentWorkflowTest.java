package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.Job;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.tools.AlertKind;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workflow over live trackers: evidence from outcomes, outcomes from starts, and the Calibrator's requests. */
class AgentWorkflowTest {
  final Fixture f = new Fixture();
  final Agents a = f.builder().build();

  /** Outcomes of ECE 0: p = 0.25 with 1 in 4 positive, p = 0.75 with 3 in 4. */
  static void calibrated(EnvironmentTrackers t, String env, int n) {
    for (int i = 0; i < n; i++) {
      int k = (i / 2) % 4;
      t.update(env, i % 2 == 0 ? 0.25 : 0.75, i % 2 == 0 ? (k < 1 ? 1 : 0) : (k < 3 ? 1 : 0), T0.toEpochMilli());
    }
  }

  /** Outcomes of ECE 0.4: p = 0.9 with half the labels positive. */
  static void miscalibrated(EnvironmentTrackers t, String env, int n) {
    for (int i = 0; i < n; i++) {
      t.update(env, 0.9, i % 2, T0.toEpochMilli());
    }
  }

  @Test
  void anUnknownClusterHandsARiskyJobToAHumanAndActsOnNothing() {
    Fixture.observe(a, "new", T0);
    SubmissionResult r = a.submit(f.job("new"));
    assertThat(r.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(r.evidence().sampleCount()).isZero();
    assertThat(r.emittedTier()).isZero();
    assertThat(r.actions()).singleElement().satisfies(x -> {
      assertThat(x.decision()).isEqualTo(Decision.ESCALATE);
      assertThat(x.outcome().executed()).isFalse();
    });
    assertThat(f.scheduler.count()).isZero();
    assertThat(a.trackers().environments()).isEmpty(); // reading evidence did not create the environment
  }

  @Test
  void aCalibratedClusterActsAutonomouslyAndAMiscalibratedOneDoesNot() {
    calibrated(a.trackers(), "good", 1000);
    miscalibrated(a.trackers(), "bad", 1000);
    Fixture.observe(a, "good", T0);
    Fixture.observe(a, "bad", T0);
    SubmissionResult good = a.submit(f.job("good"));
    assertThat(good.scope()).isEqualTo(Scope.AUTONOMOUS);
    assertThat(good.actions()).singleElement().satisfies(x -> {
      assertThat(x.planned().action()).isEqualTo(ProposedAction.HOLD);
      assertThat(x.decision()).isEqualTo(Decision.EXECUTE);
    });
    SubmissionResult bad = a.submit(f.job("bad"));
    assertThat(bad.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(bad.actions()).singleElement() // ECE 0.4: tier 0, so a human decides
        .satisfies(x -> assertThat(x.decision()).isEqualTo(Decision.ESCALATE));
    assertThat(f.scheduler.calls()).singleElement().satisfies(c -> assertThat(c.clusterId()).isEqualTo("good"));
  }

  @Test
  void withoutFreshClusterStateThereIsNoPredictionAndNoAction() {
    calibrated(a.trackers(), "c", 1000);
    SubmissionResult never = a.submit(f.job("c"));
    assertThat(never.predictionStatus()).isEqualTo(PredictionStatus.NO_CLUSTER_STATE);
    assertThat(never.actions()).isEmpty();
    Fixture.observe(a, "c", T0);
    f.clock.advance(Duration.ofMinutes(6));
    SubmissionResult stale = a.submit(f.job("c"));
    assertThat(stale.predictionStatus()).isEqualTo(PredictionStatus.NO_CLUSTER_STATE);
    assertThat(stale.p()).isNaN();
    assertThat(f.scheduler.count()).isZero();
    assertThat(a.decisionLog().records()).isEmpty();
  }

  @Test
  void aStartLabelsTheWaitUpdatesTheTrackerAndStoresThePrediction() {
    Fixture.observe(a, "c", T0);
    Job longWait = f.job("c");
    Job shortWait = f.job("c");
    a.submit(longWait);
    a.submit(shortWait);
    assertThat(a.workflow().isPending("c", longWait.jobId())).isTrue();
    StartResult r1 = a.start("c", longWait.jobId(), T0.plusSeconds(601));
    StartResult r2 = a.start("c", shortWait.jobId(), T0.plusSeconds(600));
    assertThat(r1.status()).isEqualTo(StartStatus.RECORDED);
    assertThat(r1.outcome().label()).isEqualTo(1);
    assertThat(r2.outcome().label()).isZero();
    assertThat(r1.p()).isEqualTo(0.95);
    assertThat(a.trackers().state("c").sampleCount()).isEqualTo(2);
    assertThat(a.trackers().state("c").lastUpdate()).isEqualTo(T0.plusSeconds(600));
    assertThat(a.workflow().isPending("c", longWait.jobId())).isFalse();
    List<PredictionRecord> stored = a.store().predictions("c", T0, T0.plusSeconds(1));
    // both predictions were made at T0 (the design keys predictions by cluster and timestamp: the later replaces)
    assertThat(stored).singleElement().satisfies(p -> {
      assertThat(p.predictedWait()).isEqualTo(20.0);
      assertThat(p.actualWait()).isEqualTo(10.0);
    });
    assertThat(a.start("c", longWait.jobId(), T0.plusSeconds(700)).status()).isEqualTo(StartStatus.UNKNOWN_JOB);
    assertThat(a.trackers().state("c").sampleCount()).isEqualTo(2);
  }

  @Test
  void theThresholdIsConfigurable() {
    Agents b = f.builder().workflowConfig(WorkflowConfig.builder().longWaitThreshold(Duration.ofSeconds(60)).build())
        .build();
    Fixture.observe(b, "c", T0);
    Job j = f.job("c");
    b.submit(j);
    assertThat(b.start("c", j.jobId(), T0.plusSeconds(61)).outcome().label()).isEqualTo(1);
  }

  @Test
  void theBuiltInModelsThresholdMustBeTheWorkflows() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Agents.builder()
            .workflowConfig(WorkflowConfig.builder().longWaitThreshold(Duration.ofSeconds(60)).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflowConfig.longWaitThreshold must equal the wait model's long_wait_threshold_seconds (600 s)"
            + " but was 60 s");
  }

  @Test
  void warnMessagesCarryTheOwnerForRouting() {
    calibrated(a.trackers(), "c", 1000);
    Fixture.observe(a, "c", T0);
    f.p = 0.55;
    SubmissionResult r = a.submit(f.job("c"));
    assertThat(r.actions()).singleElement().satisfies(x -> {
      assertThat(x.planned().action()).isEqualTo(ProposedAction.WARN);
      assertThat(x.decision()).isEqualTo(Decision.EXECUTE);
      assertThat(x.outcome().executed()).isTrue();
    });
    assertThat(f.sink.alerts(AlertKind.MESSAGE)).singleElement().satisfies(m -> {
      assertThat(m.message()).contains("is likely to wait long (p = 0.550)");
      assertThat(m.context().get("owner").asText()).isEqualTo("alice");
    });
    assertThat(f.scheduler.count()).isZero(); // a warning is not a scheduler call
  }

  @Test
  void aJobWithoutPredictionIsNotScoredAndAFinishedJobIsForgotten() {
    Job j = f.job("c");
    a.submit(j);
    StartResult r = a.start("c", j.jobId(), T0.plusSeconds(900));
    assertThat(r.status()).isEqualTo(StartStatus.NO_PREDICTION);
    assertThat(r.outcome().label()).isEqualTo(1);
    assertThat(a.trackers().environments()).isEmpty();
    Job k = f.job("c");
    a.submit(k);
    assertThat(a.finish("c", k.jobId(), T0)).isTrue();
    assertThat(a.finish("c", k.jobId(), T0)).isFalse();
    assertThat(a.start("c", k.jobId(), T0).status()).isEqualTo(StartStatus.UNKNOWN_JOB);
  }

  @Test
  void aStartBeforeTheSubmissionIsRejectedAndChangesNothing() {
    Fixture.observe(a, "c", T0);
    Job j = f.job("c");
    a.submit(j);
    assertThatThrownBy(() -> a.start("c", j.jobId(), T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startTime must not be before the job's submit time");
    assertThat(a.workflow().isPending("c", j.jobId())).isTrue();
    assertThat(a.trackers().environments()).isEmpty();
  }

  @Test
  void driftRequestsOneRecalibrationPerExcursionAndNeverRefits() {
    calibrated(a.trackers(), "c", 1000);
    miscalibrated(a.trackers(), "c", 300);
    assertThat(a.trackers().state("c").machineState()).isEqualTo(TrackerState.DRIFTING);
    Fixture.observe(a, "c", T0);
    for (int i = 0; i < 3; i++) {
      Job j = f.job("c");
      a.submit(j);
      StartResult r = a.start("c", j.jobId(), T0.plusSeconds(10));
      assertThat(r.recalibrationRequested()).isEqualTo(i == 0);
    }
    assertThat(a.workflow().recalibrationRequests()).singleElement().satisfies(q -> {
      assertThat(q.clusterId()).isEqualTo("c");
      assertThat(q.reason()).contains("recalibration required");
    });
    assertThat(f.sink.alerts(AlertKind.ALERT)).hasSize(1);
    assertThat(a.store().calibration("c").orElseThrow().recalibrationNeeded()).isTrue();
    assertThat(a.trackers().state("c").calibratorVersion()).isZero(); // nothing was refitted
    // a recorded recalibration ends the excursion; a later drift alerts again
    a.trackers().recalibrated("c", "isotonic");
    Job j = f.job("c");
    a.submit(j);
    assertThat(a.start("c", j.jobId(), T0.plusSeconds(10)).recalibrationRequested()).isFalse();
    miscalibrated(a.trackers(), "c", 400);
    assertThat(a.trackers().state("c").machineState()).isEqualTo(TrackerState.DRIFTING);
    Job k = f.job("c");
    a.submit(k);
    assertThat(a.start("c", k.jobId(), T0.plusSeconds(10)).recalibrationRequested()).isTrue();
    assertThat(a.workflow().recalibrationRequests()).hasSize(2);
  }

  @Test
  void theToolsSeeTheWorkflowsJobsAndTheTelemetry() {
    calibrated(a.trackers(), "c", 1000);
    Fixture.observe(a, "c", T0);
    Job j = f.job("c");
    a.submit(j);
    var args = io.vgac.agents.model.AgentsJson.read(
        "{\"job_id\":\"" + j.jobId() + "\",\"cluster_id\":\"c\"}", com.fasterxml.jackson.databind.JsonNode.class);
    var r = a.tools().call("tool_predict_wait_time", args);
    assertThat(r.success()).isTrue();
    assertThat(r.data().get("prediction").get("probability_long_wait").asDouble()).isEqualTo(0.95);
    assertThat(a.tools().names()).hasSize(15).contains("tool_detect_anomaly");
  }
}
