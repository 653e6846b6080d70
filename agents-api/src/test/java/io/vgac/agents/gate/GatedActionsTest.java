package io.vgac.agents.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatedActionsTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  final MutableClock clock = new MutableClock(T0);
  final ActionGate gate = new ActionGate(GateConfig.ofDefaults(), clock);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final List<GateDecision> recorded = new ArrayList<>();
  final Map<String, CalibrationEvidence> evidence = new HashMap<>();
  final GatedActions actions = new GatedActions(gate, evidence::get, scheduler, recorded::add);

  /** Calls all four scheduler actions for one job. */
  List<ActionOutcome> all(String env, double p) {
    return List.of(
        actions.annotate(env, "j", p, "vgac.io/wait-risk", "high"),
        actions.hold(env, "j", p, "long wait predicted"),
        actions.requeue(env, "j", p, "spot"),
        actions.adjustPriority(env, "j", p, PriorityLevel.HIGH));
  }

  @Test
  void escalatedAndDeniedActionsNeverReachTheScheduler() {
    evidence.put("learning", Evidence.ofScore("learning", 0.95, 10, T0));
    evidence.put("low", Evidence.ofScore("low", 0.45, 500, T0));
    evidence.put("stale", Evidence.ofScore("stale", 0.95, 500, T0.minusSeconds(3600)));
    evidence.put("weak", Evidence.ofScore("weak", 0.61, 500, T0)); // NOTIFY, qualified tier 1
    for (String env : List.of("unknown", "learning", "low", "stale")) {
      assertThat(all(env, 0.99)).allSatisfy(o -> {
        assertThat(o.decision().decision()).isEqualTo(Decision.ESCALATE);
        assertThat(o.executed()).isFalse();
      });
    }
    assertThat(all("weak", 0.1)).allSatisfy(o -> assertThat(o.decision().decision()).isEqualTo(Decision.DENY));
    List<ActionOutcome> weakHighP = all("weak", 0.99);
    assertThat(weakHighP.subList(1, 4)).allSatisfy(o -> assertThat(o.decision().decision()).isEqualTo(Decision.DENY));
    // only the tier-1 annotate of "weak" at p = 0.99 may run
    assertThat(scheduler.calls()).containsExactly(
        new RecordingSchedulerActions.Call(ProposedAction.ANNOTATE, "weak", "j", "vgac.io/wait-risk=high"));
    assertThat(weakHighP.get(0).decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(recorded).hasSize(6 * 4);
  }

  @Test
  void executingDecisionsCallTheSchedulerOnce() {
    evidence.put("c", Evidence.ofScore("c", 0.95, 1000, T0));
    assertThat(all("c", 0.95)).allSatisfy(o -> {
      assertThat(o.decision().decision()).isEqualTo(Decision.EXECUTE);
      assertThat(o.executed()).isTrue();
      assertThat(o.failed()).isFalse();
    });
    assertThat(scheduler.calls()).containsExactly(
        new RecordingSchedulerActions.Call(ProposedAction.ANNOTATE, "c", "j", "vgac.io/wait-risk=high"),
        new RecordingSchedulerActions.Call(ProposedAction.HOLD, "c", "j", "long wait predicted"),
        new RecordingSchedulerActions.Call(ProposedAction.REQUEUE, "c", "j", "spot"),
        new RecordingSchedulerActions.Call(ProposedAction.ADJUST_PRIORITY, "c", "j", "HIGH"));
    assertThat(recorded).extracting(GateDecision::action).containsExactly(
        ProposedAction.ANNOTATE, ProposedAction.HOLD, ProposedAction.REQUEUE, ProposedAction.ADJUST_PRIORITY);
  }

  @Test
  void aFailingSchedulerIsReportedAndNeverChangesTheDecision() {
    SchedulerActions broken = new SchedulerActions() {
      @Override
      public void requeue(String clusterId, String jobId, String targetQueue) {
        throw new IllegalStateException("slurmctld unreachable");
      }

      @Override
      public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {
        throw new IllegalStateException("no");
      }

      @Override
      public void annotate(String clusterId, String jobId, String key, String value) {
        throw new IllegalStateException("no");
      }

      @Override
      public void hold(String clusterId, String jobId, String reason) {
        throw new IllegalStateException("no");
      }
    };
    evidence.put("c", Evidence.ofScore("c", 0.95, 1000, T0));
    GatedActions gated = new GatedActions(gate, evidence::get, broken, recorded::add);
    ActionOutcome o = gated.requeue("c", "j", 0.95, "spot");
    assertThat(o.decision().decision()).isEqualTo(Decision.EXECUTE);
    assertThat(o.executed()).isFalse();
    assertThat(o.executionError()).isEqualTo("IllegalStateException: slurmctld unreachable");
    assertThat(recorded).containsExactly(o.decision());
    GateDecision ok = new GatedActions(gate, evidence::get, SchedulerActions.noop(), DecisionRecorder.NONE)
        .requeue("c", "j", 0.95, "spot").decision();
    assertThat(ok).isEqualTo(o.decision());
  }

  @Test
  void aFailingEvidenceSourceEscalatesAndAFailingRecorderIsDropped() {
    GatedActions noEvidence = new GatedActions(gate, env -> {
      throw new IllegalStateException("store down");
    }, scheduler, recorded::add);
    ActionOutcome o = noEvidence.annotate("c", "j", 0.99, "k", "v");
    assertThat(o.decision().decision()).isEqualTo(Decision.ESCALATE);
    assertThat(o.decision().reason()).contains("unavailable").contains("store down");
    assertThat(scheduler.count()).isZero();

    evidence.put("c", Evidence.ofScore("c", 0.95, 1000, T0));
    GatedActions badRecorder = new GatedActions(gate, evidence::get, scheduler, d -> {
      throw new IllegalStateException("disk full");
    });
    ActionOutcome r = badRecorder.hold("c", "j", 0.95, "why");
    assertThat(r.decision().decision()).isEqualTo(Decision.EXECUTE);
    assertThat(r.executed()).isTrue();
    assertThat(scheduler.count()).isEqualTo(1);
  }
}
