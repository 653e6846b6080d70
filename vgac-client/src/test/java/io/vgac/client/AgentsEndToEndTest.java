package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.PredictionStatus;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import io.vgac.testkit.vgac.VgacWire;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agents wired to the client against the fake platform: a healthy platform lets the gate act; a platform that
 * is down, or cannot give its calibration, makes every proposal ESCALATE and the scheduler receives nothing.
 */
class AgentsEndToEndTest {
  private static final String CLUSTER = "eks-prod-gpu";
  private static final String KEY = "sk-e2e-91b2c3";
  /** What an LLM planner might do without a prediction: propose a hold anyway (the gate must stop it). */
  private static final Planner HOLD_ALWAYS = c -> List.of(new PlannedAction(ProposedAction.HOLD,
      Map.of("reason", "test"), null, "always"));

  private final TestPlatform p = new TestPlatform();
  private final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  private final InMemoryDecisionLog log = new InMemoryDecisionLog();
  private int jobs;

  @AfterEach
  void stop() {
    p.close();
  }

  private Agents agents(Planner planner) {
    VgacClient vgac = p.client(p.config().apiKey(KEY).clusterId(CLUSTER).build());
    return Agents.builder().clock(p.clock).telemetry(vgac.telemetry()).predictor(vgac.predictor())
        .evidence(vgac.evidence()).planner(planner).scheduler(scheduler).decisionLog(log)
        .telemetryTtl(Duration.ZERO).build();
  }

  private Job job() {
    return new Job("j" + (++jobs), CLUSTER, "ml", "a100", 4, 8, 32_768, Duration.ofHours(2), 0, p.clock.instant());
  }

  @Test
  void aHealthyWellCalibratedPlatformLetsTheGateAct() {
    p.server.predictResponse(VgacWire.prediction(0.99, 7200, 0.9))
        .calibration(VgacWire.calibration(0.01, 5000, false, null));
    SubmissionResult r = agents(RuleBasedPlanner.instance()).submit(job());
    assertThat(r.predictionStatus()).isEqualTo(PredictionStatus.PREDICTED);
    assertThat(r.actions()).extracting(ActionResult::decision).containsExactly(Decision.EXECUTE);
    assertThat(scheduler.count()).isEqualTo(1);
  }

  @Test
  void whenThePlatformIsDownTheDecisionIsEscalateAndTheSchedulerGetsNothing() {
    p.server.failAlways(Fault.status(503));
    String logged;
    SubmissionResult r;
    SubmissionResult ruleBased;
    try (LogCapture logs = new LogCapture()) {
      r = agents(HOLD_ALWAYS).submit(job());
      ruleBased = agents(RuleBasedPlanner.instance()).submit(job());
      logged = logs.text();
    }
    assertThat(r.predictionStatus()).isEqualTo(PredictionStatus.TELEMETRY_FAILED);
    assertThat(r.evidence()).isNull();
    assertThat(r.actions()).extracting(ActionResult::decision).containsExactly(Decision.ESCALATE);
    assertThat(r.actions().get(0).outcome().decision().reason())
        .contains("Calibration evidence unavailable for cluster " + CLUSTER)
        .contains("GET /api/jobs/predict/calibration").doesNotContain(KEY);
    assertThat(ruleBased.actions()).as("the default planner proposes nothing without a prediction").isEmpty();
    assertThat(scheduler.count()).isZero();
    assertThat(log.records()).extracting(d -> d.decision()).containsExactly(Decision.ESCALATE);
    assertThat(logged).contains("HTTP 503").doesNotContain(KEY);
  }

  @Test
  void whenOnlyTheCalibrationIsMissingAPredictionStillEscalates() {
    p.server.predictResponse(VgacWire.prediction(0.99, 7200, 0.9))
        .failAlways(FakeVgacServer.CALIBRATION, Fault.malformedJson());
    SubmissionResult r = agents(HOLD_ALWAYS).submit(job());
    assertThat(r.predictionStatus()).isEqualTo(PredictionStatus.PREDICTED);
    assertThat(r.p()).isEqualTo(0.99);
    assertThat(r.actions()).extracting(ActionResult::decision).containsExactly(Decision.ESCALATE);
    assertThat(scheduler.count()).isZero();

    SubmissionResult ruleBased = agents(RuleBasedPlanner.instance()).submit(job());
    // unknown calibration qualifies no tier: the risky job is handed to a human, never acted on
    assertThat(ruleBased.actions()).extracting(ActionResult::decision).containsExactly(Decision.ESCALATE);
    assertThat(scheduler.count()).isZero();
  }

  @Test
  void anOpenCircuitEscalatesWithoutCallingThePlatform() {
    p.server.failAlways(Fault.status(500));
    VgacClient vgac = p.client(p.config().clusterId(CLUSTER).maxAttempts(1).slidingWindowSize(2)
        .minimumNumberOfCalls(2).build());
    Agents a = Agents.builder().clock(p.clock).telemetry(vgac.telemetry()).predictor(vgac.predictor())
        .evidence(vgac.evidence()).planner(HOLD_ALWAYS).scheduler(scheduler).decisionLog(log)
        .telemetryTtl(Duration.ZERO).build();
    a.submit(job()); // telemetry and evidence fail: the circuit opens
    p.server.healthy();
    p.server.clearRequests();
    SubmissionResult r = a.submit(job());
    assertThat(r.actions()).extracting(ActionResult::decision).containsExactly(Decision.ESCALATE);
    assertThat(r.actions().get(0).outcome().decision().reason()).contains("CircuitOpenException");
    assertThat(p.server.requests()).isEmpty();
    assertThat(scheduler.count()).isZero();
  }
}
