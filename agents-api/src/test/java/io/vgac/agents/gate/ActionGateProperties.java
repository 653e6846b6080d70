package io.vgac.agents.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/** Whatever is proposed and whatever the evidence says, nothing executes that the rules forbid. */
class ActionGateProperties {
  static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  @Property
  void nothingExecutesThatTheRulesForbid(
      @ForAll ProposedAction action,
      @ForAll("probabilities") double p,
      @ForAll("evidence") @Nullable CalibrationEvidence evidence,
      @ForAll("evidence") @Nullable CalibrationEvidence earlier) {
    ActionGate gate = new ActionGate(GateConfig.ofDefaults(), new MutableClock(NOW));
    if (earlier != null && evidence != null) {
      gate.observe(withEnv(earlier, evidence.envId())); // any history before
    }
    String env = evidence == null ? "c" : evidence.envId();
    GateDecision d = gate.decide(new ActionRequest(env, "j", action, p), evidence);
    Statistics.label("decision").collect(d.decision());
    Statistics.label("decision").coverage(c -> {
      for (Decision x : Decision.values()) {
        c.check(x).count(n -> n > 0); // the property is not vacuous: every decision occurs
      }
    });
    if (!d.decision().executes()) {
      return;
    }
    assertThat(evidence).isNotNull();
    assertThat(evidence.observedAt()).isNotNull();
    assertThat(Duration.between(evidence.observedAt(), NOW).abs()).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(evidence.learning()).isFalse();
    assertThat(evidence.sampleCount()).isPositive();
    assertThat(evidence.scope()).isNotEqualTo(Scope.ESCALATE);
    assertThat(d.scope()).isNotEqualTo(Scope.ESCALATE);
    assertThat(d.state()).isIn(GateState.AUTONOMOUS, GateState.NOTIFY, GateState.RECALIBRATING);
    assertThat(action.tier()).isLessThanOrEqualTo(evidence.qualifiedTier());
    assertThat(p).isGreaterThanOrEqualTo(TierPolicy.standard().tiers().get(action.tier() - 1).minProbability());
    assertThat(evidence.ece()).isNotNaN();
    assertThat(evidence.calibrationScore()).isNotNaN();
    if (d.decision() == Decision.EXECUTE) {
      assertThat(evidence.scope()).isEqualTo(Scope.AUTONOMOUS);
      assertThat(evidence.machineState()).isEqualTo(TrackerState.CALIBRATED);
      assertThat(d.scope()).isEqualTo(Scope.AUTONOMOUS);
    } else {
      assertThat(d.scope()).isEqualTo(Scope.NOTIFY);
    }
  }

  /** An approval lifts only the scope: the evidence and the policy's tier rules still hold, and it never narrows. */
  @Property
  void anApprovedActionExecutesOnlyOnTrustedEvidenceWithinThePolicy(
      @ForAll ProposedAction action,
      @ForAll("probabilities") double p,
      @ForAll("evidence") @Nullable CalibrationEvidence evidence) {
    String env = evidence == null ? "c" : evidence.envId();
    ActionRequest r = new ActionRequest(env, "j", action, p);
    HumanApproval approval = new HumanApproval("a", env, "j", action, "alice", NOW);
    GateDecision plain = new ActionGate(GateConfig.ofDefaults(), new MutableClock(NOW)).decide(r, evidence);
    GateDecision d = new ActionGate(GateConfig.ofDefaults(), new MutableClock(NOW)).decide(r, evidence, approval);
    Statistics.label("approved").collect(d.decision());
    assertThat(d.decision()).isNotEqualTo(Decision.EXECUTE);
    if (plain.decision().executes()) {
      assertThat(d.decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    }
    if (!d.decision().executes()) {
      return;
    }
    assertThat(evidence).isNotNull();
    assertThat(evidence.observedAt()).isNotNull();
    assertThat(Duration.between(evidence.observedAt(), NOW).abs()).isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(evidence.sampleCount()).isPositive();
    assertThat(evidence.ece()).isNotNaN();
    assertThat(evidence.calibrationScore()).isNotNaN();
    assertThat(action.tier()).isLessThanOrEqualTo(evidence.qualifiedTier());
    assertThat(p).isGreaterThanOrEqualTo(TierPolicy.standard().tiers().get(action.tier() - 1).minProbability());
    assertThat(d.scope()).isEqualTo(Scope.NOTIFY);
  }

  @Property
  void decisionsAreDeterministic(
      @ForAll ProposedAction action,
      @ForAll("probabilities") double p,
      @ForAll("evidence") @Nullable CalibrationEvidence evidence) {
    String env = evidence == null ? "c" : evidence.envId();
    ActionRequest r = new ActionRequest(env, "j", action, p);
    GateDecision a = new ActionGate(GateConfig.ofDefaults(), new MutableClock(NOW)).decide(r, evidence);
    GateDecision b = new ActionGate(GateConfig.ofDefaults(), new MutableClock(NOW)).decide(r, evidence);
    assertThat(a).isEqualTo(b);
  }

  private static CalibrationEvidence withEnv(CalibrationEvidence e, String env) {
    return new CalibrationEvidence(env, e.sampleCount(), e.learning(), e.calibrationScore(), e.scope(),
        e.qualifiedTier(), e.ece(), e.eceInterval(), e.drift(), e.machineState(), e.observedAt());
  }

  @Provide
  Arbitrary<Double> probabilities() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1),
        Arbitraries.doubles().between(0.85, 1),
        Arbitraries.of(0.0, 0.3, 0.5, 0.7, 0.9, 1.0, Math.nextDown(0.3), Math.nextDown(0.9), Double.NaN));
  }

  /** Any evidence, biased towards the fresh, calibrated kind so that every decision occurs often. */
  @Provide
  Arbitrary<@Nullable CalibrationEvidence> evidence() {
    Arbitrary<Double> unitOrNaN = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.doubles().between(0, 1)),
        Tuple.of(2, Arbitraries.of(0.0, 0.03, 0.05, 0.07, 0.1, 0.6, 0.85, 0.86)),
        Tuple.of(1, Arbitraries.just(Double.NaN)));
    Arbitrary<@Nullable Instant> at = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.longs().between(-60, 900).map(NOW::minusSeconds)),
        Tuple.of(2, Arbitraries.longs().between(-7200, 7200).map(NOW::minusSeconds)),
        Tuple.of(1, Arbitraries.of(NOW.minus(Duration.ofMinutes(15)), NOW.minus(Duration.ofMinutes(15)).minusNanos(1),
            NOW.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(15)).plusNanos(1))),
        Tuple.of(1, Arbitraries.just((Instant) null)));
    Arbitrary<TrackerState> machine = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.just(TrackerState.CALIBRATED)), Tuple.of(3, Arbitraries.of(TrackerState.class)));
    Arbitrary<CalibrationEvidence> e = Combinators.combine(
            Arbitraries.of("a", "b"),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.longs().between(0, 60)),
                Tuple.of(4, Arbitraries.longs().between(0, 5000))),
            Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(true)), Tuple.of(4, Arbitraries.just(false))),
            unitOrNaN,
            Arbitraries.of(Scope.class),
            Arbitraries.integers().between(0, 5),
            unitOrNaN,
            Arbitraries.of(DriftSeverity.class).injectNull(0.2))
        .flatAs((env, n, learning, score, scope, tier, ece, drift) ->
            Combinators.combine(machine, at).as((m, t) ->
                new CalibrationEvidence(env, n, learning, score, scope, tier, ece,
                    Interval.undefined(0.9), drift, m, t)));
    Arbitrary<CalibrationEvidence> plausible = Combinators.combine(
            Arbitraries.of("a", "b"),
            Arbitraries.longs().between(50, 5000),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(Scope.class),
            Arbitraries.integers().between(0, 4).map(k -> Math.max(k, 2)),
            Arbitraries.doubles().between(0, 0.2),
            Arbitraries.of(TrackerState.CALIBRATED, TrackerState.RECALIBRATING, TrackerState.RECOVERING),
            Arbitraries.longs().between(0, 900).map(NOW::minusSeconds))
        .as((env, n, score, scope, tier, ece, m, t) ->
            new CalibrationEvidence(env, n, false, score, scope, tier, ece, Interval.undefined(0.9), null, m, t));
    return Arbitraries.oneOf(e, plausible).injectNull(0.05);
  }
}
