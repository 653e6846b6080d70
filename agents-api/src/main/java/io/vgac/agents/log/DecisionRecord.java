package io.vgac.agents.log;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.calibration.policy.Scope;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the decision log. Undefined numbers are NaN here and {@code null} on the wire.
 *
 * @param time when the gate decided ({@code time})
 * @param env the environment ({@code env})
 * @param jobId the job ({@code job_id})
 * @param action the proposed action ({@code action}, e.g. {@code requeue})
 * @param tier the tier the action needs ({@code tier})
 * @param scope the scope of the decision ({@code scope}: AUTONOMOUS, NOTIFY, ESCALATE)
 * @param decision the decision ({@code decision}: executed, executed_and_notified, escalated, denied)
 * @param reason why ({@code reason})
 * @param p the prediction's probability ({@code p}); NaN when there was none
 * @param ece the window ECE ({@code ece}); NaN when unknown
 * @param eceCiLo lower end of the ECE interval ({@code ece_ci[0]}); NaN when undefined
 * @param eceCiHi upper end of the ECE interval ({@code ece_ci[1]}); NaN when undefined
 * @param sampleCount outcomes recorded for the environment ({@code sample_count}); 0 when unknown
 * @param calibrationScore the calibration score ({@code calibration_score}); NaN when unknown
 * @param drift the ECE-ratio band ({@code drift}: NONE, MODERATE, SIGNIFICANT, CRITICAL); null when not assessed
 * @param qualifiedTier the environment's qualified tier ({@code qualified_tier}); 0 when none or unknown
 * @param gateState the environment's gate state ({@code gate_state})
 * @param planner who proposed the action ({@code planner}, written only when stated); null when not stated
 * @param intervalCoverage the environment's realised wait-interval coverage ({@code interval_coverage}, written
 *     only when known); NaN when unknown
 * @param intervalCoverageCiLo lower end of its interval ({@code interval_coverage_ci[0]}); NaN when unknown
 * @param intervalCoverageCiHi upper end ({@code interval_coverage_ci[1]}); NaN when unknown
 */
public record DecisionRecord(
    Instant time,
    String env,
    String jobId,
    ProposedAction action,
    int tier,
    Scope scope,
    Decision decision,
    String reason,
    double p,
    double ece,
    double eceCiLo,
    double eceCiHi,
    long sampleCount,
    double calibrationScore,
    @Nullable String drift,
    int qualifiedTier,
    GateState gateState,
    @Nullable String planner,
    double intervalCoverage,
    double intervalCoverageCiLo,
    double intervalCoverageCiHi) {

  public DecisionRecord {
    if (env.isBlank()) {
      throw new IllegalArgumentException("env must not be blank but was '" + env + "'");
    }
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("job_id must not be blank but was '" + jobId + "'");
    }
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sample_count must be ≥ 0 but was " + sampleCount);
    }
    if (planner != null && planner.isBlank()) {
      throw new IllegalArgumentException("planner must be null or non-blank but was '" + planner + "'");
    }
  }

  /** A record without interval coverage (the form before it existed). */
  public DecisionRecord(
      Instant time,
      String env,
      String jobId,
      ProposedAction action,
      int tier,
      Scope scope,
      Decision decision,
      String reason,
      double p,
      double ece,
      double eceCiLo,
      double eceCiHi,
      long sampleCount,
      double calibrationScore,
      @Nullable String drift,
      int qualifiedTier,
      GateState gateState,
      @Nullable String planner) {
    this(time, env, jobId, action, tier, scope, decision, reason, p, ece, eceCiLo, eceCiHi, sampleCount,
        calibrationScore, drift, qualifiedTier, gateState, planner, Double.NaN, Double.NaN, Double.NaN);
  }

  /** A record whose proposer is not stated (the decision log's first seventeen fields). */
  public DecisionRecord(
      Instant time,
      String env,
      String jobId,
      ProposedAction action,
      int tier,
      Scope scope,
      Decision decision,
      String reason,
      double p,
      double ece,
      double eceCiLo,
      double eceCiHi,
      long sampleCount,
      double calibrationScore,
      @Nullable String drift,
      int qualifiedTier,
      GateState gateState) {
    this(time, env, jobId, action, tier, scope, decision, reason, p, ece, eceCiLo, eceCiHi, sampleCount,
        calibrationScore, drift, qualifiedTier, gateState, null, Double.NaN, Double.NaN, Double.NaN);
  }

  /** The record of a gate decision. */
  public static DecisionRecord of(GateDecision d) {
    CalibrationEvidence e = d.evidence();
    IntervalCoverage ic = e == null ? null : e.intervals();
    boolean known = ic != null && ic.known();
    return new DecisionRecord(
        d.time(),
        d.envId(),
        d.jobId(),
        d.action(),
        d.tier(),
        d.scope(),
        d.decision(),
        d.reason(),
        d.request().p(),
        e == null ? Double.NaN : e.ece(),
        e == null ? Double.NaN : e.eceInterval().lo(),
        e == null ? Double.NaN : e.eceInterval().hi(),
        e == null ? 0 : e.sampleCount(),
        e == null ? Double.NaN : e.calibrationScore(),
        e == null || e.drift() == null ? null : e.drift().name(),
        e == null ? 0 : e.qualifiedTier(),
        d.state(),
        d.request().planner(),
        known ? ic.coverage() : Double.NaN,
        known ? ic.coverageInterval().lo() : Double.NaN,
        known ? ic.coverageInterval().hi() : Double.NaN);
  }
}
