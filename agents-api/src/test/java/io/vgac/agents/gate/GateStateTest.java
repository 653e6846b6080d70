package io.vgac.agents.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateStateTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void transitionTable() {
    for (GateState from : GateState.values()) {
      assertThat(from.on(GateEvent.LEARNING_EVIDENCE)).isEqualTo(opt(from, GateState.LEARNING));
      assertThat(from.on(GateEvent.SCORE_HIGH)).isEqualTo(opt(from, GateState.AUTONOMOUS));
      assertThat(from.on(GateEvent.SCORE_MODERATE)).isEqualTo(opt(from, GateState.NOTIFY));
      assertThat(from.on(GateEvent.SCORE_LOW)).isEqualTo(opt(from, GateState.ESCALATE_ONLY));
      assertThat(from.on(GateEvent.CRITICAL_DRIFT)).isEqualTo(opt(from, GateState.ESCALATE_ONLY));
      assertThat(from.on(GateEvent.RECALIBRATION_PENDING)).isEqualTo(opt(from, GateState.RECALIBRATING));
    }
  }

  private static java.util.Optional<GateState> opt(GateState from, GateState to) {
    return from == to ? java.util.Optional.empty() : java.util.Optional.of(to);
  }

  @Test
  void capsOfEachState() {
    assertThat(GateState.LEARNING.cap()).isEqualTo(Scope.ESCALATE);
    assertThat(GateState.AUTONOMOUS.cap()).isEqualTo(Scope.AUTONOMOUS);
    assertThat(GateState.NOTIFY.cap()).isEqualTo(Scope.NOTIFY);
    assertThat(GateState.ESCALATE_ONLY.cap()).isEqualTo(Scope.ESCALATE);
    assertThat(GateState.RECALIBRATING.cap()).isEqualTo(Scope.NOTIFY);
  }

  @Test
  void classifyChecksInOrder() {
    CalibrationEvidence good = Evidence.ofScore("c", 0.95, 1000, T0);
    assertThat(ActionGate.classify(Evidence.ofScore("c", 0.95, 10, T0))).isEqualTo(GateEvent.LEARNING_EVIDENCE);
    assertThat(ActionGate.classify(good)).isEqualTo(GateEvent.SCORE_HIGH);
    assertThat(ActionGate.classify(Evidence.ofScore("c", 0.72, 1000, T0))).isEqualTo(GateEvent.SCORE_MODERATE);
    assertThat(ActionGate.classify(Evidence.ofScore("c", 0.45, 1000, T0))).isEqualTo(GateEvent.SCORE_LOW);
    assertThat(ActionGate.classify(Evidence.with(good, Scope.ESCALATE, 0, DriftSeverity.CRITICAL,
        TrackerState.DRIFTING))).isEqualTo(GateEvent.CRITICAL_DRIFT);
    // after a recalibration the critical ratio of the old window no longer rules: the environment is recovering
    assertThat(ActionGate.classify(Evidence.with(good, Scope.NOTIFY, 4, DriftSeverity.CRITICAL,
        TrackerState.RECALIBRATING))).isEqualTo(GateEvent.RECALIBRATION_PENDING);
    for (TrackerState m : List.of(TrackerState.DRIFTING, TrackerState.RECALIBRATING, TrackerState.RECOVERING)) {
      assertThat(ActionGate.classify(Evidence.with(good, Scope.NOTIFY, 4, DriftSeverity.SIGNIFICANT, m)))
          .isEqualTo(GateEvent.RECALIBRATION_PENDING);
    }
  }

  @Test
  void gateRecordsEachTransitionWithTheClocksTime() {
    MutableClock clock = new MutableClock(T0);
    ActionGate gate = new ActionGate(GateConfig.ofDefaults(), clock);
    CalibrationEvidence good = Evidence.ofScore("c", 0.95, 1000, T0);
    assertThat(gate.state("c")).isEqualTo(GateState.LEARNING);

    gate.observe(Evidence.ofScore("c", 0.95, 10, T0)); // still learning: no transition
    clock.advance(Duration.ofMinutes(1));
    gate.observe(good);
    gate.observe(good); // same state: nothing recorded
    clock.advance(Duration.ofMinutes(1));
    gate.observe(Evidence.with(good, Scope.NOTIFY, 4, DriftSeverity.SIGNIFICANT, TrackerState.DRIFTING));
    clock.advance(Duration.ofMinutes(1));
    gate.observe(Evidence.with(good, Scope.ESCALATE, 4, DriftSeverity.CRITICAL, TrackerState.DRIFTING));
    clock.advance(Duration.ofMinutes(1));
    gate.observe(Evidence.with(good, Scope.NOTIFY, 4, DriftSeverity.NONE, TrackerState.RECOVERING));
    clock.advance(Duration.ofMinutes(1));
    gate.observe(Evidence.ofScore("c", 0.72, 1000, T0));
    clock.advance(Duration.ofMinutes(1));
    assertThat(gate.observe(good)).isEqualTo(GateState.AUTONOMOUS);

    assertThat(gate.transitions("c")).containsExactly(
        new GateTransition("c", GateState.LEARNING, GateState.AUTONOMOUS, GateEvent.SCORE_HIGH, T0.plusSeconds(60)),
        new GateTransition("c", GateState.AUTONOMOUS, GateState.RECALIBRATING, GateEvent.RECALIBRATION_PENDING,
            T0.plusSeconds(120)),
        new GateTransition("c", GateState.RECALIBRATING, GateState.ESCALATE_ONLY, GateEvent.CRITICAL_DRIFT,
            T0.plusSeconds(180)),
        new GateTransition("c", GateState.ESCALATE_ONLY, GateState.RECALIBRATING, GateEvent.RECALIBRATION_PENDING,
            T0.plusSeconds(240)),
        new GateTransition("c", GateState.RECALIBRATING, GateState.NOTIFY, GateEvent.SCORE_MODERATE,
            T0.plusSeconds(300)),
        new GateTransition("c", GateState.NOTIFY, GateState.AUTONOMOUS, GateEvent.SCORE_HIGH, T0.plusSeconds(360)));
    assertThat(gate.transitions("other")).isEmpty();
  }

  @Test
  void transitionHistoryIsBounded() {
    MutableClock clock = new MutableClock(T0);
    ActionGate gate = new ActionGate(GateConfig.builder().maxTransitions(3).build(), clock);
    CalibrationEvidence high = Evidence.ofScore("c", 0.95, 1000, T0);
    CalibrationEvidence mid = Evidence.ofScore("c", 0.72, 1000, T0);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      gate.observe(i % 2 == 0 ? high : mid);
    }
    List<GateTransition> t = gate.transitions("c");
    assertThat(t).hasSize(3);
    assertThat(t.get(2).at()).isEqualTo(T0.plusSeconds(10));
  }
}
