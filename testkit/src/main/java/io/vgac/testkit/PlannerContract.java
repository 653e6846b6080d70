package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.PlanningContext;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.Tier;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Planner}: every implementation's test extends this class and implements {@link #create}.
 * Over every combination of prediction (none, and p on and around each tier threshold), evidence (none, each
 * qualified tier under each scope, learning or not, any drift) and tier policy (the standard four tiers and a
 * two-tier policy with other thresholds):
 * <ul>
 *   <li>nothing is proposed without a prediction;
 *   <li>where calibration is established (known evidence, not learning, scope above ESCALATE), nothing is proposed at
 *       emitted tier 0 and no proposal needs a tier above the emitted tier;
 *   <li>where it is not (no evidence, learning, or scope ESCALATE — the gate escalates whatever is proposed), a
 *       proposal hands risk to a human, so it needs no tier above the one p alone reaches, and nothing is proposed
 *       below the first threshold.
 * </ul>
 * The gate checks all of this again; a planner that keeps to it never floods the gate with actions it must deny.
 */
public abstract class PlannerContract {
  /** The time of the contract's jobs, states and evidence. */
  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  /** A policy other than the standard one, so that a planner must read the context's policy. */
  protected static final TierPolicy TWO_TIERS =
      new TierPolicy(List.of(new Tier(1, "annotate", 0.6, 0.10), new Tier(2, "warn", 0.8, 0.05)));
  private static final double[] PS = {0, 0.05, 0.29, 0.3, 0.49, 0.5, 0.59, 0.6, 0.69, 0.7, 0.79, 0.8, 0.89, 0.9, 1};

  /** The planner under test. */
  protected Planner planner;

  /** A new planner. */
  protected abstract Planner create() throws Exception;

  @BeforeEach
  void createPlanner() throws Exception {
    planner = create();
  }

  /** Every context of the class comment (about 1,000). */
  protected static List<PlanningContext> contexts() {
    List<PlanningContext> out = new ArrayList<>();
    Job job = new Job("j1", "c", "alice", "gpu", 8, 64, 262_144, Duration.ofHours(4), 0, T0);
    ClusterState state = new ClusterState("c", SchedulerType.KUBERNETES, 10, 80, 0, 1.0, 40, 40, 40, T0);
    List<@Nullable CalibrationEvidence> evidence = new ArrayList<>();
    evidence.add(null);
    for (int tier = 0; tier <= 4; tier++) {
      for (Scope scope : Scope.values()) {
        for (boolean learning : new boolean[] {false, true}) {
          DriftSeverity drift = DriftSeverity.values()[(tier + scope.ordinal()) % DriftSeverity.values().length];
          double ece = 0.02 * (5 - tier) + 0.005;
          evidence.add(new CalibrationEvidence("c", learning ? 20 : 1000, learning, 1 - 5 * ece, scope, tier, ece,
              new Interval(ece * 0.8, ece * 1.2, 0.9), drift,
              learning ? TrackerState.LEARNING : TrackerState.CALIBRATED, T0));
        }
      }
    }
    for (TierPolicy policy : List.of(TierPolicy.standard(), TWO_TIERS)) {
      for (CalibrationEvidence e : evidence) {
        out.add(new PlanningContext(job, null, null, e, policy));
        out.add(new PlanningContext(job, state, null, e, policy));
        for (double p : PS) {
          WaitPrediction w = new WaitPrediction("j1", p, Duration.ofMinutes(Math.round(p * 60)),
              Math.max(p, 1 - p), "contract");
          out.add(new PlanningContext(job, state, w, e, policy));
        }
      }
    }
    return out;
  }

  @Test
  void nothingIsProposedWithoutAPrediction() {
    List<PlanningContext> without = contexts().stream().filter(c -> c.prediction() == null).toList();
    assertThat(without).hasSizeGreaterThan(100);
    for (PlanningContext c : without) {
      assertThat(planner.propose(c)).as("%s", c).isEmpty();
    }
  }

  @Test
  void nothingIsProposedAtEmittedTierZeroWhereCalibrationIsEstablished() {
    List<PlanningContext> tierZero = contexts().stream()
        .filter(c -> c.prediction() != null && established(c) && c.emittedTier() == 0).toList();
    assertThat(tierZero).as("low p or no qualified tier").hasSizeGreaterThan(100);
    for (PlanningContext c : tierZero) {
      assertThat(planner.propose(c)).as("%s", c).isEmpty();
    }
  }

  @Test
  void noProposalExceedsTheEmittedTierWhereCalibrationIsEstablished() {
    int[] atTier = new int[5];
    for (PlanningContext c : contexts()) {
      if (!established(c)) {
        continue;
      }
      int emitted = c.emittedTier();
      atTier[Math.min(emitted, 4)]++;
      List<PlannedAction> plan = planner.propose(c);
      assertThat(plan).as("%s", c).isNotNull().doesNotContainNull();
      for (PlannedAction a : plan) {
        assertThat(a.action().tier()).as("%s proposed for emitted tier %d in %s", a.action(), emitted, c)
            .isLessThanOrEqualTo(emitted);
      }
    }
    assertThat(atTier).as("every emitted tier is exercised").doesNotContain(0);
  }

  @Test
  void withoutEstablishedCalibrationNoProposalExceedsTheTierPAloneReaches() {
    List<PlanningContext> unproven = contexts().stream()
        .filter(c -> c.prediction() != null && !established(c)).toList();
    assertThat(unproven).as("no evidence, learning, or scope ESCALATE").hasSizeGreaterThan(300);
    for (PlanningContext c : unproven) {
      int byP = c.tierPolicy().emittedTier(c.p(), c.tierPolicy().maxTier());
      List<PlannedAction> plan = planner.propose(c);
      assertThat(plan).as("%s", c).isNotNull().doesNotContainNull();
      for (PlannedAction a : plan) {
        assertThat(a.action().tier()).as("%s proposed where p alone reaches tier %d in %s", a.action(), byP, c)
            .isLessThanOrEqualTo(byP);
      }
    }
  }

  /** Known evidence, out of learning mode, with a scope that lets some tier act. */
  protected static boolean established(PlanningContext c) {
    CalibrationEvidence e = c.evidence();
    return e != null && !e.learning() && e.scope() != Scope.ESCALATE;
  }
}
