package io.vgac.agents.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A human approval lifts ESCALATE to NOTIFY for one action, and nothing else. */
class HumanApprovalGateTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  final MutableClock clock = new MutableClock(T0);
  final ActionGate gate = new ActionGate(GateConfig.ofDefaults(), clock);

  static HumanApproval approval(String env, ProposedAction action) {
    return new HumanApproval("a-1", env, "j", action, "alice", T0);
  }

  GateDecision approved(String env, ProposedAction action, double p, CalibrationEvidence e) {
    return gate.decide(new ActionRequest(env, "j", action, p), e, approval(env, action));
  }

  GateDecision plain(String env, ProposedAction action, double p, CalibrationEvidence e) {
    return gate.decide(new ActionRequest(env, "j", action, p), e);
  }

  @Test
  void lowScoreEscalationIsLiftedToNotifyWithinTheQualifiedTier() {
    CalibrationEvidence low = Evidence.ofScore("low", 0.55, 500, T0); // ECE 0.09: qualified tier 1 only
    assertThat(plain("low", ProposedAction.ANNOTATE, 0.5, low).decision()).isEqualTo(Decision.ESCALATE);

    GateDecision d = approved("low", ProposedAction.ANNOTATE, 0.5, low);
    assertThat(d.decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(d.scope()).isEqualTo(Scope.NOTIFY);
    assertThat(d.reason()).isEqualTo("Action taken with human approval a-1 by alice: annotate");

    // above the qualified tier, or below the tier's threshold: the policy still rules it out
    assertThat(approved("low", ProposedAction.HOLD, 0.99, low).decision()).isEqualTo(Decision.DENY);
    assertThat(approved("low", ProposedAction.ANNOTATE, 0.29, low).decision()).isEqualTo(Decision.DENY);
  }

  @Test
  void theDesignsLowCalibrationCaseQualifiesForNothingEvenApproved() {
    CalibrationEvidence e = Evidence.ofScore("c", 0.45, 200, T0); // ECE 0.11 > 0.10: tier 0
    for (ProposedAction a : ProposedAction.values()) {
      assertThat(approved("c", a, 0.99, e).decision()).as(a.name()).isEqualTo(Decision.DENY);
    }
  }

  @Test
  void learningModeWithSamplesIsLiftedButNoSampleAtAllIsNot() {
    CalibrationEvidence learning = Evidence.ofScore("l", 0.95, 10, T0);
    assertThat(plain("l", ProposedAction.HOLD, 0.95, learning).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(approved("l", ProposedAction.HOLD, 0.95, learning).decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);

    CalibrationEvidence none = Evidence.ofScore("n", 0.95, 0, T0);
    GateDecision d = approved("n", ProposedAction.ANNOTATE, 0.95, none);
    assertThat(d.decision()).isEqualTo(Decision.ESCALATE);
    assertThat(d.reason()).startsWith("Unknown environment");
  }

  @Test
  void unknownStaleFutureOrUndefinedEvidenceStillEscalates() {
    ActionRequest r = new ActionRequest("c", "j", ProposedAction.ANNOTATE, 0.95);
    HumanApproval a = approval("c", ProposedAction.ANNOTATE);
    assertThat(gate.decide(r, null, a).decision()).isEqualTo(Decision.ESCALATE);
    Duration over = Duration.ofMinutes(15).plusSeconds(1);
    assertThat(gate.decide(r, Evidence.ofScore("c", 0.95, 500, T0.minus(over)), a).decision())
        .isEqualTo(Decision.ESCALATE);
    assertThat(gate.decide(r, Evidence.ofScore("c", 0.95, 500, T0.plus(over)), a).decision())
        .isEqualTo(Decision.ESCALATE);
    assertThat(gate.decide(r, Evidence.ofScore("c", 0.95, 500, null), a).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(gate.decide(r, Evidence.of("c", 0.95, 500, Double.NaN, T0), a).decision())
        .isEqualTo(Decision.ESCALATE);
    assertThat(gate.decide(new ActionRequest("c", "j", ProposedAction.ANNOTATE, Double.NaN),
        Evidence.ofScore("c", 0.95, 500, T0), a).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(gate.unavailable(r, "store down").decision()).isEqualTo(Decision.ESCALATE);
  }

  @Test
  void criticalDriftEscalateOnlyIsLiftedOnlyWithinTheQualifiedTier() {
    CalibrationEvidence base = Evidence.ofScore("d", 0.95, 500, T0);
    CalibrationEvidence critical = Evidence.with(base, Scope.ESCALATE, 1, DriftSeverity.CRITICAL, TrackerState.DRIFTING);
    assertThat(plain("d", ProposedAction.ANNOTATE, 0.95, critical).decision()).isEqualTo(Decision.ESCALATE);
    assertThat(gate.state("d")).isEqualTo(GateState.ESCALATE_ONLY);
    assertThat(approved("d", ProposedAction.ANNOTATE, 0.95, critical).decision())
        .isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(approved("d", ProposedAction.REQUEUE, 0.95, critical).decision()).isEqualTo(Decision.DENY);
  }

  @Test
  void anApprovedActionInAnAutonomousEnvironmentStillNotifies() {
    CalibrationEvidence good = Evidence.ofScore("g", 0.95, 1000, T0);
    assertThat(plain("g", ProposedAction.HOLD, 0.95, good).decision()).isEqualTo(Decision.EXECUTE);
    GateDecision d = approved("g", ProposedAction.HOLD, 0.95, good);
    assertThat(d.decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(d.scope()).isEqualTo(Scope.NOTIFY);
  }

  @Test
  void anApprovalCoversOneActionOfOneJobInOneEnvironment() {
    CalibrationEvidence e = Evidence.ofScore("c", 0.95, 10, T0);
    HumanApproval a = approval("c", ProposedAction.ANNOTATE);
    assertThatThrownBy(() -> gate.decide(new ActionRequest("c", "j", ProposedAction.HOLD, 0.95), e, a))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approval a-1 is for annotate of job j in c but the request is hold of job j in c");
    assertThatThrownBy(() -> gate.decide(new ActionRequest("c", "other", ProposedAction.ANNOTATE, 0.95), e, a))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HumanApproval("a", "c", "j", ProposedAction.HOLD, " ", T0))
        .hasMessage("approvedBy must not be blank but was ' '");
  }

  @Test
  void gatedActionsRunTheApprovedActionThroughTheGateOnly() {
    RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
    List<GateDecision> recorded = new ArrayList<>();
    Map<String, CalibrationEvidence> evidence = new HashMap<>();
    evidence.put("c", Evidence.ofScore("c", 0.55, 500, T0)); // ESCALATE scope, tier 1
    GatedActions actions = new GatedActions(gate, evidence::get, scheduler, recorded::add);

    assertThat(actions.annotate("c", "j", 0.5, "k", "v").executed()).isFalse();
    GatedActions approved = actions.withApproval(approval("c", ProposedAction.ANNOTATE));
    ActionOutcome o = approved.annotate("c", "j", 0.5, "k", "v");
    assertThat(o.executed()).isTrue();
    assertThat(o.decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThatThrownBy(() -> approved.hold("c", "j", 0.99, "no"))
        .isInstanceOf(IllegalArgumentException.class);
    // the original view is unchanged
    assertThat(actions.annotate("c", "j", 0.5, "k", "v").executed()).isFalse();
    assertThat(scheduler.calls())
        .containsExactly(new RecordingSchedulerActions.Call(ProposedAction.ANNOTATE, "c", "j", "k=v"));
    assertThat(recorded).extracting(GateDecision::decision)
        .containsExactly(Decision.ESCALATE, Decision.EXECUTE_AND_NOTIFY, Decision.ESCALATE);
  }
}
