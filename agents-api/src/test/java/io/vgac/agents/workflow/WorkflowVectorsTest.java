package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.spi.TestEvidence;
import io.vgac.agents.tools.AlertKind;
import io.vgac.calibration.policy.Scope;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every scope and tier vector of the design, through the whole workflow (submission → gate → log → human). */
class WorkflowVectorsTest {
  final Fixture f = new Fixture();

  @ParameterizedTest(name = "score {0}, {1} samples → {2}")
  @CsvSource({
      "0.90, 10, ESCALATE", "0.92, 1847, AUTONOMOUS", "0.72, 500, NOTIFY", "0.45, 200, ESCALATE",
      "0.86, 100, AUTONOMOUS", "0.84, 100, NOTIFY", "0.61, 100, NOTIFY", "0.59, 100, ESCALATE",
      "0.92, 49, ESCALATE", "0.92, 50, AUTONOMOUS"})
  void scopeVectorsDecideTheActionOfTheWorkflow(double score, long samples, Scope expected) {
    f.given.put("c", TestEvidence.ofScore("c", score, samples, T0));
    Agents a = f.withGivenEvidence(Fixture.ANNOTATE_ALWAYS);
    Fixture.observe(a, "c", T0);
    SubmissionResult r = a.submit(f.job("c"));
    assertThat(r.scope()).isEqualTo(expected);
    assertThat(r.predictionStatus()).isEqualTo(PredictionStatus.PREDICTED);
    ActionResult act = r.actions().get(0);
    DecisionRecord logged = a.decisionLog().records().get(0);
    assertThat(logged.scope()).isEqualTo(expected);
    assertThat(logged.sampleCount()).isEqualTo(samples);
    assertThat(logged.calibrationScore()).isEqualTo(score);
    assertThat(logged.p()).isEqualTo(0.95);
    assertThat(logged.action()).isEqualTo(ProposedAction.ANNOTATE);
    switch (expected) {
      case AUTONOMOUS:
        assertThat(act.decision()).isEqualTo(Decision.EXECUTE);
        assertThat(f.scheduler.count()).isEqualTo(1);
        assertThat(f.sink.count()).isZero();
        assertThat(a.approvals().pending()).isEmpty();
        break;
      case NOTIFY:
        assertThat(act.decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
        assertThat(f.scheduler.count()).isEqualTo(1);
        assertThat(f.sink.alerts(AlertKind.MESSAGE)).singleElement()
            .satisfies(m -> {
              assertThat(m.channel()).isEqualTo("#gpu-alerts");
              assertThat(m.message()).startsWith("Action taken with moderate confidence: annotate job j1");
            });
        assertThat(act.humanNotified()).isTrue();
        break;
      default:
        assertThat(act.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(f.scheduler.count()).isZero();
        assertThat(act.approvalId()).isNotNull();
        assertThat(a.approvals().pending()).singleElement().satisfies(p -> {
          assertThat(p.id()).isEqualTo(act.approvalId());
          assertThat(p.jobId()).isEqualTo("j1");
        });
        assertThat(f.sink.alerts(AlertKind.ESCALATION)).singleElement()
            .satisfies(e -> assertThat(e.message()).isEqualTo(logged.reason()));
        if (samples >= 50) {
          assertThat(logged.reason()).isEqualTo(String.format(java.util.Locale.ROOT,
              "Low calibration (%.2f) for cluster c", score));
        } else {
          assertThat(logged.reason()).startsWith("Learning mode for cluster c");
        }
    }
  }

  @Test
  void theTierVectorThroughTheRuleBasedPlanner() {
    int[] expected = {4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    ProposedAction[] byTier = {null, ProposedAction.ANNOTATE, ProposedAction.WARN,
        ProposedAction.SUGGEST_RESCHEDULE, ProposedAction.HOLD};
    Agents a = f.withGivenEvidence(RuleBasedPlanner.instance());
    Fixture.observe(a, "c", T0);
    for (int i = 0; i < 20; i++) {
      double ece = 0.005 + i * (0.12 - 0.005) / 19;
      f.given.put("c", TestEvidence.ofEce("c", ece, 1000, T0));
      SubmissionResult r = a.submit(f.job("c"));
      assertThat(r.emittedTier()).as("ECE %s", ece).isEqualTo(expected[i]);
      if (expected[i] == 0) { // ECE > 0.10: scope ESCALATE, so the risk is handed to a human, never acted on
        assertThat(r.actions()).isNotEmpty().allSatisfy(x -> {
          assertThat(x.decision()).isEqualTo(Decision.ESCALATE);
          assertThat(x.outcome().executed()).isFalse();
        });
        continue;
      }
      ActionResult act = r.actions().get(0);
      assertThat(act.planned().action()).isEqualTo(byTier[expected[i]]);
      Scope scope = r.evidence().scope();
      Decision want = scope == Scope.AUTONOMOUS ? Decision.EXECUTE
          : scope == Scope.NOTIFY ? Decision.EXECUTE_AND_NOTIFY : Decision.ESCALATE;
      assertThat(act.decision()).as("ECE %s", ece).isEqualTo(want);
      assertThat(act.outcome().executed()).isEqualTo(want.executes());
    }
    List<DecisionRecord> log = a.decisionLog().records();
    assertThat(log).hasSize(20); // the last four are the risk handed to a human as a hold (p = 0.95 reaches tier 4)
    assertThat(log).extracting(DecisionRecord::tier)
        .containsExactly(4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 4, 4, 4, 4);
    // scheduler calls: the executed holds and annotations (warn and suggest are messages, not scheduler calls)
    long schedulerActions = log.stream().filter(d -> d.decision().executes())
        .filter(d -> d.action() == ProposedAction.HOLD || d.action() == ProposedAction.ANNOTATE).count();
    assertThat(f.scheduler.count()).isEqualTo(schedulerActions);
  }

  @Test
  void unknownAndStaleEvidenceEscalate() {
    Agents a = f.withGivenEvidence(Fixture.ANNOTATE_ALWAYS);
    Fixture.observe(a, "c", T0);
    SubmissionResult unknown = a.submit(f.job("c"));
    assertThat(unknown.evidence()).isNull();
    assertThat(unknown.actions().get(0).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(unknown.actions().get(0).outcome().decision().reason()).startsWith("Unknown environment");
    f.given.put("c", TestEvidence.ofScore("c", 0.95, 5000, T0));
    f.clock.advance(java.time.Duration.ofMinutes(16));
    Fixture.observe(a, "c", f.clock.instant());
    SubmissionResult stale = a.submit(f.job("c"));
    assertThat(stale.actions().get(0).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(stale.actions().get(0).outcome().decision().reason()).startsWith("Stale calibration evidence");
    assertThat(f.scheduler.count()).isZero();
    assertThat(a.approvals().pending()).hasSize(2);
  }

  @Test
  void aPlannerThatStatesItselfIsNamedInTheDecisionLogAndAnUnstatedOneIsNot() {
    f.given.put("c", TestEvidence.ofScore("c", 0.92, 1847, T0));
    io.vgac.agents.spi.Planner stated = c -> List.of(new io.vgac.agents.spi.PlannedAction(ProposedAction.ANNOTATE,
        java.util.Map.of("key", "risk", "value", "x"), null, "test").withPlanner("llm; fallback: rule-based"),
        new io.vgac.agents.spi.PlannedAction(ProposedAction.ANNOTATE, java.util.Map.of("key", "k", "value", "v"),
            null, "test"));
    Agents a = f.withGivenEvidence(stated);
    Fixture.observe(a, "c", T0);
    a.submit(f.job("c"));
    assertThat(a.decisionLog().records()).extracting(DecisionRecord::planner)
        .containsExactly("llm; fallback: rule-based", null);
    assertThat(f.scheduler.count()).isEqualTo(2); // the statement changes no decision
  }
}
