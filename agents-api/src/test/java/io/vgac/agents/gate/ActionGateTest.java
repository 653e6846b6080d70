package io.vgac.agents.gate;

import static io.vgac.agents.gate.Decision.DENY;
import static io.vgac.agents.gate.Decision.ESCALATE;
import static io.vgac.agents.gate.Decision.EXECUTE;
import static io.vgac.agents.gate.Decision.EXECUTE_AND_NOTIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionGateTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  final MutableClock clock = new MutableClock(T0);
  final ActionGate gate = new ActionGate(GateConfig.ofDefaults(), clock);

  GateDecision decide(ProposedAction a, double p, CalibrationEvidence e) {
    return gate.decide(new ActionRequest(e.envId(), "job-1", a, p), e);
  }

  /**
   * Every scope vector of the design, through the gate, for every action (p = 0.95 meets every threshold). The
   * ECE is the one the score implies (1 − 5·ECE), so the qualified tier follows from the score too. Columns:
   * annotate (1), warn (2), suggest_reschedule (3), hold (4), requeue (4), adjust_priority (4).
   */
  @ParameterizedTest(name = "score {0}, {1} samples → {2}")
  @CsvSource({
    "0.90, 10,   ESCALATE,   ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE",
    "0.92, 1847, AUTONOMOUS, EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE",
    "0.72, 500,  NOTIFY,     EXECUTE_AND_NOTIFY EXECUTE_AND_NOTIFY DENY DENY DENY DENY",
    "0.45, 200,  ESCALATE,   ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE",
    "0.86, 100,  AUTONOMOUS, EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE",
    "0.84, 100,  NOTIFY,     EXECUTE_AND_NOTIFY EXECUTE_AND_NOTIFY EXECUTE_AND_NOTIFY DENY DENY DENY",
    "0.61, 100,  NOTIFY,     EXECUTE_AND_NOTIFY DENY DENY DENY DENY DENY",
    "0.59, 100,  ESCALATE,   ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE",
    "0.92, 49,   ESCALATE,   ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE ESCALATE",
    "0.92, 50,   AUTONOMOUS, EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE EXECUTE",
  })
  void scopeVectorsOfTheDesign(double score, long samples, Scope scope, String decisions) {
    CalibrationEvidence e = Evidence.ofScore("c", score, samples, T0);
    assertThat(e.scope()).isEqualTo(scope);
    List<Decision> got = new ArrayList<>();
    for (ProposedAction a : ProposedAction.values()) {
      GateDecision d = decide(a, 0.95, e);
      got.add(d.decision());
      assertThat(d.tier()).isEqualTo(a.tier());
      if (d.decision() != DENY) {
        assertThat(d.scope()).isEqualTo(scope);
      }
    }
    assertThat(got).map(Decision::name).containsExactly(decisions.split(" "));
  }

  @Test
  void designTierVectorDecidesEachActionTier() {
    int[] expected = {4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    for (int i = 0; i < 20; i++) {
      double ece = 0.005 + i * (0.12 - 0.005) / 19;
      CalibrationEvidence e = Evidence.with(
          Evidence.of("c", 0.95, 1000, ece, T0), Scope.AUTONOMOUS, Evidence.of("c", 0.95, 1000, ece, T0)
              .qualifiedTier(), DriftSeverity.NONE, TrackerState.CALIBRATED);
      assertThat(e.qualifiedTier()).as("ECE %s", ece).isEqualTo(expected[i]);
      for (ProposedAction a : ProposedAction.values()) {
        assertThat(decide(a, 0.95, e).decision())
            .as("%s at ECE %s", a, ece)
            .isEqualTo(a.tier() <= expected[i] ? EXECUTE : DENY);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"ANNOTATE, 0.3", "WARN, 0.5", "SUGGEST_RESCHEDULE, 0.7", "HOLD, 0.9", "REQUEUE, 0.9",
      "ADJUST_PRIORITY, 0.9"})
  void probabilityThresholdOfTheActionsTier(ProposedAction a, double threshold) {
    CalibrationEvidence e = Evidence.ofScore("c", 0.95, 1000, T0);
    assertThat(decide(a, threshold, e).decision()).isEqualTo(EXECUTE);
    GateDecision below = decide(a, Math.nextDown(threshold), e);
    assertThat(below.decision()).isEqualTo(DENY);
    assertThat(below.reason()).contains("below the tier-" + a.tier() + " threshold " + threshold);
  }

  @Test
  void designReasonsForEscalateAndNotify() {
    GateDecision low = decide(ProposedAction.ANNOTATE, 0.95, Evidence.ofScore("cluster-x", 0.45, 200, T0));
    assertThat(low.reason()).isEqualTo("Low calibration (0.45) for cluster cluster-x");
    GateDecision notify = decide(ProposedAction.WARN, 0.95, Evidence.ofScore("c", 0.72, 500, T0));
    assertThat(notify.reason()).isEqualTo("Action taken with moderate confidence: warn");
    GateDecision deny = decide(ProposedAction.REQUEUE, 0.95, Evidence.ofScore("c", 0.72, 500, T0));
    assertThat(deny.reason()).isEqualTo("requeue needs qualified tier ≥ 4 but cluster c qualifies for tier 2 (ECE 0.056)");
  }

  @Test
  void unknownEnvironmentEscalatesWithoutMovingState() {
    GateDecision d = gate.decide(new ActionRequest("nowhere", "j", ProposedAction.ANNOTATE, 0.99), null);
    assertThat(d.decision()).isEqualTo(ESCALATE);
    assertThat(d.scope()).isEqualTo(Scope.ESCALATE);
    assertThat(d.reason()).contains("Unknown environment").contains("nowhere");
    assertThat(d.evidence()).isNull();
    assertThat(gate.state("nowhere")).isEqualTo(GateState.LEARNING);
    assertThat(gate.transitions("nowhere")).isEmpty();
  }

  @Test
  void staleEvidenceEscalatesAndDoesNotMoveState() {
    CalibrationEvidence fresh = Evidence.ofScore("c", 0.95, 1000, T0);
    clock.advance(Duration.ofMinutes(15));
    assertThat(decide(ProposedAction.ANNOTATE, 0.95, fresh).decision()).as("exactly 15 min: fresh").isEqualTo(EXECUTE);
    CalibrationEvidence moderate = Evidence.ofScore("c", 0.72, 1000, T0);
    clock.advance(Duration.ofSeconds(1));
    GateDecision d = decide(ProposedAction.ANNOTATE, 0.95, moderate);
    assertThat(d.decision()).isEqualTo(ESCALATE);
    assertThat(d.reason()).isEqualTo("Stale calibration evidence for cluster c: 15 min old (max 15 min)");
    assertThat(gate.state("c")).isEqualTo(GateState.AUTONOMOUS);

    CalibrationEvidence future = Evidence.ofScore("c", 0.95, 1000, clock.instant().plus(Duration.ofMinutes(16)));
    GateDecision f = decide(ProposedAction.ANNOTATE, 0.95, future);
    assertThat(f.decision()).isEqualTo(ESCALATE);
    assertThat(f.reason()).isEqualTo("Calibration evidence for cluster c is dated 16 min in the future");

    ActionGate strict = new ActionGate(GateConfig.builder().maxEvidenceAge(Duration.ofSeconds(30)).build(), clock);
    CalibrationEvidence e = Evidence.ofScore("c", 0.95, 1000, clock.instant().minusSeconds(31));
    assertThat(strict.decide(new ActionRequest("c", "j", ProposedAction.ANNOTATE, 0.9), e).decision())
        .isEqualTo(ESCALATE);
  }

  @Test
  void missingEvidenceEscalates() {
    CalibrationEvidence good = Evidence.ofScore("c", 0.95, 1000, T0);
    CalibrationEvidence noTime = new CalibrationEvidence("c", 1000, false, 0.95, Scope.AUTONOMOUS, 4, 0.01,
        new Interval(0, 0.02, 0.9), DriftSeverity.NONE, TrackerState.CALIBRATED, null);
    CalibrationEvidence nanEce = new CalibrationEvidence("c", 1000, false, 0.95, Scope.AUTONOMOUS, 4, Double.NaN,
        Interval.undefined(0.9), null, TrackerState.CALIBRATED, T0);
    CalibrationEvidence nanScore = new CalibrationEvidence("c", 1000, false, Double.NaN, Scope.AUTONOMOUS, 4, 0.01,
        Interval.undefined(0.9), null, TrackerState.CALIBRATED, T0);
    CalibrationEvidence noSamples = new CalibrationEvidence("c", 0, false, 0.95, Scope.AUTONOMOUS, 4, 0.01,
        Interval.undefined(0.9), null, TrackerState.CALIBRATED, T0);
    for (CalibrationEvidence e : List.of(noTime, nanEce, nanScore, noSamples)) {
      assertThat(decide(ProposedAction.ANNOTATE, 0.95, e).decision()).as("%s", e).isEqualTo(ESCALATE);
    }
    GateDecision noPrediction = decide(ProposedAction.ANNOTATE, Double.NaN, good);
    assertThat(noPrediction.decision()).isEqualTo(ESCALATE);
    assertThat(noPrediction.reason()).isEqualTo("No prediction available for job job-1");
  }

  @Test
  void evidenceOfAnotherEnvironmentIsAWiringBug() {
    CalibrationEvidence e = Evidence.ofScore("b", 0.95, 1000, T0);
    assertThatThrownBy(() -> gate.decide(new ActionRequest("a", "j", ProposedAction.ANNOTATE, 0.5), e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("evidence.envId must be the request's 'a' but was 'b'");
  }

  @Test
  void driftStatesCapTheScope() {
    CalibrationEvidence good = Evidence.ofScore("c", 0.95, 1000, T0);
    // the tracker already caps at NOTIFY while recalibrating; the gate caps again even if the evidence says more
    CalibrationEvidence recal = Evidence.with(good, Scope.AUTONOMOUS, 4, DriftSeverity.SIGNIFICANT,
        TrackerState.RECALIBRATING);
    GateDecision d = decide(ProposedAction.HOLD, 0.95, recal);
    assertThat(d.state()).isEqualTo(GateState.RECALIBRATING);
    assertThat(d.decision()).isEqualTo(EXECUTE_AND_NOTIFY);
    assertThat(d.scope()).isEqualTo(Scope.NOTIFY);

    CalibrationEvidence critical = Evidence.with(good, Scope.AUTONOMOUS, 4, DriftSeverity.CRITICAL,
        TrackerState.DRIFTING);
    GateDecision c = decide(ProposedAction.ANNOTATE, 0.95, critical);
    assertThat(c.state()).isEqualTo(GateState.ESCALATE_ONLY);
    assertThat(c.decision()).isEqualTo(ESCALATE);
    assertThat(c.reason()).isEqualTo("Critical calibration drift for cluster c: escalate-only until recalibrated");
  }

  @Test
  void liveTrackerEvidenceDecidesByTheTrackersScope() {
    EnvironmentTrackers trackers = EnvironmentTrackers.ofDefaults();
    EvidenceSource source = EvidenceSource.of(trackers, clock);
    ActionRequest unknown = new ActionRequest("fresh-env", "j", ProposedAction.ANNOTATE, 0.99);
    assertThat(gate.decide(unknown, source.evidence("fresh-env")).decision()).isEqualTo(ESCALATE);

    Random rnd = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double p = rnd.nextDouble();
      trackers.update("slurm-a", p, rnd.nextDouble() < p ? 1 : 0);
    }
    CalibrationEvidence e = source.evidence("slurm-a");
    assertThat(e).isNotNull();
    assertThat(e.learning()).isFalse();
    assertThat(e.scope()).as("a calibrated stream of 2,000 rows acts").isNotEqualTo(Scope.ESCALATE);
    for (ProposedAction a : ProposedAction.values()) {
      GateDecision d = gate.decide(new ActionRequest("slurm-a", "j", a, 0.95), e);
      Decision expected = switch (e.scope()) {
        case ESCALATE -> ESCALATE;
        case NOTIFY -> a.tier() <= e.qualifiedTier() ? EXECUTE_AND_NOTIFY : DENY;
        case AUTONOMOUS -> a.tier() <= e.qualifiedTier() ? EXECUTE : DENY;
      };
      assertThat(d.decision()).as("%s under %s, tier %d", a, e.scope(), e.qualifiedTier()).isEqualTo(expected);
    }
  }

  @Test
  void requestsAndConfigFailFast() {
    assertThatThrownBy(() -> new ActionRequest(" ", "j", ProposedAction.HOLD, 0.5))
        .hasMessage("envId must not be blank but was ' '");
    assertThatThrownBy(() -> new ActionRequest("c", "j", ProposedAction.HOLD, 1.5))
        .hasMessage("p must be in [0,1] (or NaN for no prediction) but was 1.5");
    assertThatThrownBy(() -> GateConfig.builder().maxEvidenceAge(Duration.ZERO))
        .hasMessage("maxEvidenceAge must be > 0 but was PT0S");
    assertThatThrownBy(() -> GateConfig.builder().maxTransitions(0)).hasMessage("maxTransitions must be ≥ 1 but was 0");
  }
}
