package io.vgac.examples;

import static io.vgac.examples.AdmissionHookExample.APPROVAL_ID;
import static io.vgac.examples.AdmissionHookExample.DECISION;
import static io.vgac.examples.AdmissionHookExample.P_LONG_WAIT;
import static io.vgac.examples.AdmissionHookExample.REASON;
import static io.vgac.examples.AdmissionHookExample.WAIT_RISK;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.examples.AdmissionHookExample.AdmissionHook;
import io.vgac.examples.AdmissionHookExample.AdmissionResponse;
import io.vgac.examples.AdmissionHookExample.SubmittedPod;
import io.vgac.calibration.policy.Scope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionHookExampleTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void aCalibratedClusterGetsTheRiskLabelAndALearningOneAnEscalation() {
    List<AdmissionResponse> out = AdmissionHookExample.run(CLOCK, 24);

    AdmissionResponse prod = out.get(0);
    assertThat(prod.name()).isEqualTo("train-llm-0");
    assertThat(prod.annotations()).containsEntry(WAIT_RISK, "high").containsEntry(DECISION, "executed")
        .doesNotContainKey(APPROVAL_ID);
    // the default predictor (trained by trace-lab on KTH-SP2: agents-api's default-wait-model.json) rates a job on
    // this busy cluster as a likely long wait; the exact p is the model's, so only its tier is asserted
    String p = prod.annotations().get(P_LONG_WAIT);
    assertThat(Double.parseDouble(p)).isGreaterThanOrEqualTo(0.3);
    assertThat(prod.annotations().get(REASON)).isEqualTo(
        "Calibration 1.00 for cluster eks-prod: tier 1 qualified, p = " + p + " ≥ 0.3");

    AdmissionResponse learning = out.get(1);
    assertThat(learning.annotations()).as("the gate held the label back").doesNotContainKey(WAIT_RISK)
        .containsEntry(DECISION, "escalated").containsEntry(REASON, "Learning mode for cluster eks-new (24 samples)")
        .containsEntry(P_LONG_WAIT, p).containsKey(APPROVAL_ID); // the same state, the same p

    AdmissionResponse idle = out.get(2);
    assertThat(idle.annotations()).doesNotContainKeys(WAIT_RISK, APPROVAL_ID).containsEntry(DECISION, "none")
        .containsEntry(REASON, "p(long wait) reaches no tier cluster eks-idle qualifies for");
    assertThat(Double.parseDouble(idle.annotations().get(P_LONG_WAIT))).isLessThan(0.3);
  }

  @Test
  void everyDecisionIsLoggedAndTheEscalationWaitsForAHuman() {
    AdmissionHook hook = new AdmissionHook(CLOCK);
    Instant now = CLOCK.instant();
    hook.agents().inMemoryTelemetry().orElseThrow()
        .put(ExampleClusters.busy("slurm-new", io.vgac.agents.model.SchedulerType.SLURM, now));
    ExampleClusters.recordCalibratedHistory(hook.agents().trackers(), "slurm-new", 10);
    AdmissionResponse r = hook.admit(new SubmittedPod("slurm-new", "alice", "1234", "gpu", 4, 16, 64_000, now));

    assertThat(hook.agents().approvals().pending()).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo(r.annotations().get(APPROVAL_ID));
      assertThat(a.jobId()).isEqualTo("alice/1234");
      assertThat(a.action()).isEqualTo(ProposedAction.ANNOTATE);
      assertThat(a.parameters()).containsEntry("key", WAIT_RISK).containsEntry("value", "high");
    });
    assertThat(hook.agents().decisionLog().records()).singleElement().satisfies((DecisionRecord d) -> {
      assertThat(d.decision()).isEqualTo(Decision.ESCALATE);
      assertThat(d.scope()).isEqualTo(Scope.ESCALATE);
      assertThat(d.sampleCount()).isEqualTo(10);
      assertThat(d.reason()).isEqualTo(r.annotations().get(REASON));
    });
  }

  @Test
  void withoutClusterStateThereIsNoPredictionAndNothingIsProposed() {
    AdmissionHook hook = new AdmissionHook(CLOCK);
    ExampleClusters.recordCalibratedHistory(hook.agents().trackers(), "unseen", 1000);
    AdmissionResponse r = hook.admit(
        new SubmittedPod("unseen", "ml-team", "p", "a100", 8, 64, 1_000, CLOCK.instant()));
    assertThat(r.annotations()).containsOnlyKeys(DECISION, REASON).containsEntry(DECISION, "none")
        .containsEntry(REASON, "no prediction: NO_CLUSTER_STATE");
    assertThat(hook.agents().decisionLog().records()).isEmpty();
  }

  @Test
  void mainPrintsTheAnnotationsOfEachPod() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      AdmissionHookExample.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    String printed = buf.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("ml-team/train-llm-0:\n  vgac.io/decision=executed\n")
        .contains("  vgac.io/wait-risk=high\n").contains("ml-team/train-llm-1:\n  vgac.io/approval-id=")
        .contains("  vgac.io/decision=escalated\n").contains("ml-team/notebook-3:\n  vgac.io/decision=none\n");
  }
}
