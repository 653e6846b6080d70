package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a planner proposes, and whatever the evidence says, nothing reaches the scheduler under ESCALATE or
 * above the qualified tier (or below the tier's threshold, or without a prediction).
 */
class WorkflowGateProperties {
  final Fixture f = new Fixture();
  final AtomicReference<List<PlannedAction>> proposals = new AtomicReference<>(List.of());
  final Agents a = f.builder().evidence(f.given::get).planner(c -> proposals.get()).build();

  @Property(tries = 2000, edgeCases = EdgeCasesMode.MIXIN)
  void nothingRunsUnderEscalateOrAboveTheQualifiedTier(
      @ForAll("evidence") CalibrationEvidence evidence,
      @ForAll("p") double p,
      @ForAll("plans") List<ProposedAction> plan,
      @ForAll("rarelyTrue") boolean stale) {
    f.scheduler.clear();
    f.given.put("c", evidence);
    f.clock.set(stale ? T0.plus(Duration.ofMinutes(16)) : T0);
    if (Double.isNaN(p)) {
      a.inMemoryTelemetry().orElseThrow().clear("c"); // no cluster state: no prediction
    } else {
      f.p = p;
      Fixture.observe(a, "c", f.clock.instant());
    }
    List<PlannedAction> actions = new ArrayList<>();
    for (ProposedAction x : plan) {
      actions.add(new PlannedAction(x, Map.of("key", "k", "value", "v", "reason", "r", "target_queue", "q",
          "priority", "high"), null, "random"));
    }
    proposals.set(actions);

    SubmissionResult r = a.submit(f.job("c"));

    assertThat(r.actions()).hasSize(plan.size());
    long schedulerActions = 0;
    for (ActionResult x : r.actions()) {
      if (!x.outcome().executed()) {
        continue;
      }
      int k = x.planned().action().tier();
      assertThat(stale).as("executed on stale evidence").isFalse();
      assertThat(evidence.scope()).as("executed under ESCALATE").isNotEqualTo(Scope.ESCALATE);
      assertThat(evidence.learning()).isFalse();
      assertThat(k).as("executed above the qualified tier").isLessThanOrEqualTo(evidence.qualifiedTier());
      assertThat(r.p()).isGreaterThanOrEqualTo(TierPolicy.standard().tiers().get(k - 1).minProbability());
      if (x.planned().action() != ProposedAction.WARN && x.planned().action() != ProposedAction.SUGGEST_RESCHEDULE) {
        schedulerActions++;
      }
    }
    assertThat(f.scheduler.count()).isEqualTo(schedulerActions);
    // the property must also see actions that do run, or it would hold vacuously
    Statistics.label("scheduler called").collect(schedulerActions > 0);
    Statistics.label("scheduler called").coverage(c -> c.check(true).count((Integer n) -> n >= 40));
    if (evidence.scope() == Scope.ESCALATE || stale || Double.isNaN(r.p())) {
      assertThat(f.scheduler.count()).isZero();
    }
  }

  @Provide
  Arbitrary<Double> p() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.doubles().between(0, 1)),
        Tuple.of(1, Arbitraries.just(Double.NaN)),
        Tuple.of(3, Arbitraries.of(0.3, 0.5, 0.7, 0.9, 0.2999999, 0.8999999, 1.0)));
  }

  @Provide
  Arbitrary<Boolean> rarelyTrue() {
    return Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true));
  }

  @Provide
  Arbitrary<Boolean> mostlyFalse() {
    return Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
  }

  /** A finite value most of the time, NaN (undefined) now and then. */
  static Arbitrary<Double> orNaN(Arbitrary<Double> finite) {
    return Arbitraries.frequencyOf(Tuple.of(9, finite), Tuple.of(1, Arbitraries.just(Double.NaN)));
  }

  @Provide
  Arbitrary<List<ProposedAction>> plans() {
    return Arbitraries.of(ProposedAction.class).list().ofMinSize(1).ofMaxSize(4);
  }

  /** Half consistent evidence (as a tracker would report it), half arbitrary (fields drawn independently). */
  @Provide
  Arbitrary<CalibrationEvidence> evidence() {
    Arbitrary<CalibrationEvidence> consistent = Combinators.combine(
            Arbitraries.doubles().between(0, 0.1), Arbitraries.longs().between(0, 3000))
        .as((ece, n) -> io.vgac.agents.spi.TestEvidence.ofEce("c", ece, n, T0));
    return Arbitraries.frequencyOf(Tuple.of(3, consistent), Tuple.of(1, arbitrary()));
  }

  Arbitrary<CalibrationEvidence> arbitrary() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 3000),
            mostlyFalse(),
            orNaN(Arbitraries.doubles().between(0, 1)),
            Arbitraries.of(Scope.class),
            Arbitraries.integers().between(0, 4),
            orNaN(Arbitraries.doubles().between(0, 0.3)),
            Arbitraries.of(DriftSeverity.class).injectNull(0.2),
            Arbitraries.of(TrackerState.class))
        .as((n, learning, score, scope, tier, ece, drift, machine) -> new CalibrationEvidence("c", n, learning, score,
            scope, tier, ece, new Interval(ece, ece, 0.9), drift, machine, T0));
  }
}
