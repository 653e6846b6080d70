package io.vgac.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovedExecution;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.calibration.policy.Scope;
import io.vgac.examples.CustomSchedulerActionsExample.CommandLineActions;
import io.vgac.examples.CustomSchedulerActionsExample.Demo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomSchedulerActionsExampleTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
  static final List<String> SLURM_HOLD = List.of("scontrol", "-M", "slurm-a100", "hold", "4711");
  static final List<String> KUBE_SUSPEND = List.of("kubectl", "--context", "eks-new", "-n", "ml-team", "patch", "job",
      "train-llm", "--type=merge", "-p", "{\"spec\":{\"suspend\":true}}");

  @Test
  void autonomousReachesTheSchedulerEscalatedOnlyAfterApproval() {
    Demo d = CustomSchedulerActionsExample.run(CLOCK);

    ActionResult auto = d.autonomous().actions().get(0);
    assertThat(d.autonomous().scope()).isEqualTo(Scope.AUTONOMOUS);
    assertThat(auto.planned().action()).isEqualTo(ProposedAction.HOLD);
    assertThat(auto.decision()).isEqualTo(Decision.EXECUTE);
    assertThat(auto.outcome().executed()).isTrue();

    ActionResult esc = d.escalated().actions().get(0);
    assertThat(d.escalated().scope()).isEqualTo(Scope.ESCALATE);
    assertThat(esc.planned().action()).isEqualTo(ProposedAction.HOLD);
    assertThat(esc.decision()).isEqualTo(Decision.ESCALATE);
    assertThat(esc.outcome().executed()).isFalse();

    assertThat(d.approved().status()).isEqualTo(ApprovedExecution.Status.EXECUTED);
    assertThat(d.approved().outcome().decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(d.commands()).containsExactly(SLURM_HOLD, KUBE_SUSPEND);
  }

  @Test
  void underEscalateNothingReachesTheAdapterAndUnderAutonomousItDoes() {
    CommandLineActions cli = new CommandLineActions(
        Map.of("slurm-a100", SchedulerType.SLURM, "eks-new", SchedulerType.KUBERNETES));
    Agents agents = Agents.builder().clock(CLOCK).scheduler(cli).build();
    Instant now = CLOCK.instant();
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("eks-new", SchedulerType.KUBERNETES, now));
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("slurm-a100", SchedulerType.SLURM, now));
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "eks-new", ExampleClusters.LEARNING_BELOW - 1);

    for (int i = 0; i < 20; i++) {
      SubmissionResult r = agents.submit(job("ml-team/j" + i, "eks-new", now));
      assertThat(r.actions()).singleElement().extracting(ActionResult::decision).isEqualTo(Decision.ESCALATE);
    }
    assertThat(cli.commands()).isEmpty();
    assertThat(agents.approvals().pending()).hasSize(20);

    ExampleClusters.recordCalibratedHistory(agents.trackers(), "slurm-a100", 1000);
    agents.submit(job("4711", "slurm-a100", now));
    assertThat(cli.commands()).containsExactly(SLURM_HOLD);
  }

  @Test
  void eachActionBecomesTheCommandLineOfItsScheduler() {
    CommandLineActions cli = new CommandLineActions(Map.of("s", SchedulerType.SLURM, "k", SchedulerType.KUBERNETES));
    cli.requeue("s", "42", "debug");
    cli.adjustPriority("s", "42", PriorityLevel.LOW);
    cli.annotate("s", "42", "vgac.io/wait-risk", "high");
    cli.requeue("k", "team/job-1", "spot");
    cli.adjustPriority("k", "team/job-1", PriorityLevel.CRITICAL);
    cli.annotate("k", "team/job-1", "vgac.io/wait-risk", "high");
    cli.hold("k", "team/job-1", "long wait");
    assertThat(cli.commands()).extracting(c -> String.join(" ", c)).containsExactly(
        "scontrol -M s update JobId=42 Partition=debug",
        "scontrol -M s update JobId=42 Nice=10000",
        "scontrol -M s update JobId=42 Comment=vgac.io/wait-risk=high",
        "kubectl --context k -n team label job job-1 kueue.x-k8s.io/queue-name=spot --overwrite",
        "kubectl --context k -n team label job job-1 kueue.x-k8s.io/priority-class=vgac-critical --overwrite",
        "kubectl --context k -n team annotate job job-1 vgac.io/wait-risk=high --overwrite",
        "kubectl --context k -n team patch job job-1 --type=merge -p {\"spec\":{\"suspend\":true}}");
  }

  @Test
  void anAdapterThatThrowsLeavesTheDecisionStanding() {
    CommandLineActions cli = new CommandLineActions(Map.of()); // no cluster configured: every call throws
    assertThatThrownBy(() -> cli.hold("slurm-a100", "1", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No scheduler configured for cluster 'slurm-a100'");
    Agents agents = Agents.builder().clock(CLOCK).scheduler(cli).build();
    agents.inMemoryTelemetry().orElseThrow()
        .put(ExampleClusters.busy("slurm-a100", SchedulerType.SLURM, CLOCK.instant()));
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "slurm-a100", 1000);
    ActionResult r = agents.submit(job("4711", "slurm-a100", CLOCK.instant())).actions().get(0);
    assertThat(r.decision()).isEqualTo(Decision.EXECUTE);
    assertThat(r.outcome().executed()).isFalse();
    assertThat(r.outcome().executionError())
        .isEqualTo("IllegalArgumentException: No scheduler configured for cluster 'slurm-a100'");
    assertThat(agents.decisionLog().records()).singleElement()
        .satisfies(d -> assertThat(d.decision()).isEqualTo(Decision.EXECUTE));
  }

  @Test
  void mainPrintsTheDecisionsAndTheCommands() {
    java.io.PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      CustomSchedulerActionsExample.main(new String[0]);
    } finally {
      System.setOut(old);
    }
    assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(String.join("\n",
        "slurm-a100 (AUTONOMOUS): EXECUTE",
        "eks-new (learning):      ESCALATE",
        "after approval:          EXECUTED",
        "  $ " + String.join(" ", SLURM_HOLD),
        "  $ " + String.join(" ", KUBE_SUSPEND), ""));
  }

  private static Job job(String id, String cluster, Instant now) {
    return new Job(id, cluster, "ml-team", "a100", 16, 128, 1_000_000, null, 0, now);
  }
}
