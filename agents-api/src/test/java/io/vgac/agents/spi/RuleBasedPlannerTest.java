package io.vgac.agents.spi;

import static io.vgac.agents.spi.States.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.tools.ToolCatalog;
import io.vgac.calibration.policy.TierPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The rule-based planner maps the emitted tier to the design's action; unproven risk goes to a human. */
class RuleBasedPlannerTest {
  final Planner planner = RuleBasedPlanner.instance();
  final Job job = States.job("j1", "c", 4, T0);

  PlanningContext context(double p, @Nullable CalibrationEvidence e) {
    WaitPrediction w = Double.isNaN(p) ? null : new WaitPrediction("j1", p, Duration.ofMinutes(5), 0.5, "m");
    return new PlanningContext(job, null, w, e, TierPolicy.standard());
  }

  List<PlannedAction> plan(double p, @Nullable CalibrationEvidence e) {
    return planner.propose(context(p, e));
  }

  @Test
  void eachEmittedTierHasItsAction() {
    CalibrationEvidence tier4 = TestEvidence.ofEce("c", 0.01, 1000, T0);
    assertThat(plan(0.95, tier4)).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo(ProposedAction.HOLD);
      assertThat(a.actorTool()).isEqualTo(ToolCatalog.ESCALATE_TO_HUMAN);
      assertThat(a.parameters()).containsKey("reason");
      assertThat(a.rationale()).contains("tier 4 (gate)").contains("qualifies for tier 4");
    });
    assertThat(plan(0.75, tier4)).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo(ProposedAction.SUGGEST_RESCHEDULE);
      assertThat(a.actorTool()).isEqualTo(ToolCatalog.REQUEUE_JOB);
    });
    assertThat(plan(0.5, tier4)).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo(ProposedAction.WARN);
      assertThat(a.actorTool()).isEqualTo(ToolCatalog.SEND_SLACK_NOTIFICATION);
    });
    assertThat(plan(0.3, tier4)).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo(ProposedAction.ANNOTATE);
      assertThat(a.actorTool()).isNull();
      assertThat(a.parameters()).containsEntry("key", RuleBasedPlanner.RISK_LABEL).containsEntry("value", "0.300");
    });
    assertThat(plan(0.29, tier4)).isEmpty();
  }

  @Test
  void theQualifiedTierCapsTheProposal() {
    assertThat(plan(0.95, TestEvidence.ofEce("c", 0.08, 1000, T0))).singleElement()
        .extracting(PlannedAction::action).isEqualTo(ProposedAction.ANNOTATE); // ECE 0.08: tier 1
    // ECE 0.2: tier 0 and scope ESCALATE, so the risk goes to a human as the tier p alone reaches
    assertThat(plan(0.95, TestEvidence.ofEce("c", 0.2, 1000, T0))).singleElement().satisfies(a -> {
      assertThat(a.action()).isEqualTo(ProposedAction.HOLD);
      assertThat(a.rationale()).endsWith("cluster c has no established calibration, so a human decides");
    });
    assertThat(plan(0.55, TestEvidence.ofEce("c", 0.2, 1000, T0))).singleElement()
        .extracting(PlannedAction::action).isEqualTo(ProposedAction.WARN);
    assertThat(plan(0.29, TestEvidence.ofEce("c", 0.2, 1000, T0))).isEmpty(); // below every threshold
  }

  @Test
  void aQualifiedButCappedScopeDoesNotEscalateTheUncappedTier() {
    // ECE 0.06: score 0.70 → NOTIFY, qualified tier 2: the proposal stays capped at warn
    assertThat(plan(0.95, TestEvidence.ofEce("c", 0.06, 1000, T0))).singleElement()
        .extracting(PlannedAction::action).isEqualTo(ProposedAction.WARN);
  }

  @Test
  void learningOrUnknownCalibrationHandsRiskToAHuman() {
    assertThat(plan(0.99, null)).singleElement().extracting(PlannedAction::action).isEqualTo(ProposedAction.HOLD);
    assertThat(plan(0.75, TestEvidence.ofEce("c", 0.01, 10, T0))).singleElement()
        .extracting(PlannedAction::action).isEqualTo(ProposedAction.SUGGEST_RESCHEDULE);
  }

  @Test
  void actingOnlyWhenQualifiedProposesNothingWithoutEstablishedCalibration() {
    Planner strict = RuleBasedPlanner.actingOnlyWhenQualified();
    assertThat(strict.propose(context(0.99, null))).isEmpty();
    assertThat(strict.propose(context(0.95, TestEvidence.ofEce("c", 0.2, 1000, T0)))).isEmpty();
    assertThat(strict.propose(context(0.95, TestEvidence.ofEce("c", 0.08, 1000, T0)))).singleElement()
        .extracting(PlannedAction::action).isEqualTo(ProposedAction.ANNOTATE);
  }

  @Test
  void withoutPredictionNothingIsProposed() {
    assertThat(plan(Double.NaN, TestEvidence.ofEce("c", 0.01, 1000, T0))).isEmpty();
    assertThat(plan(Double.NaN, null)).isEmpty();
  }

  @Test
  void aPlannedActionNeedsItsParameters() {
    assertThatThrownBy(() -> new PlannedAction(ProposedAction.HOLD, Map.of(), null, "why"))
        .hasMessage("parameters.reason is required for hold but was missing");
    assertThatThrownBy(() -> new PlannedAction(ProposedAction.WARN, Map.of(), "", "why"))
        .hasMessageContaining("actorTool must be null or a tool name");
    assertThatThrownBy(() -> new PlannedAction(ProposedAction.WARN, Map.of(), null, " "))
        .hasMessage("rationale must not be blank");
  }
}
