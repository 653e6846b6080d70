package io.vgac.agents.spi;

import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.tools.ToolCatalog;
import io.vgac.calibration.policy.Scope;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default {@link Planner}: the design's graduated policy. It proposes the one action of the prediction's
 * emitted tier ({@link PlanningContext#emittedTier()}) — nothing for tier 0, and nothing without a prediction
 * (there is no risk estimate to act on, and doing nothing leaves the job exactly as submitted).
 *
 * <table>
 *   <caption>Tier → proposal</caption>
 *   <tr><th>tier</th><th>action</th><th>parameters</th><th>design tool (for the log)</th></tr>
 *   <tr><td>1</td><td>annotate</td><td>{@value #RISK_LABEL} = p (3 decimals)</td><td>none</td></tr>
 *   <tr><td>2</td><td>warn</td><td>message</td><td>{@code tool_send_slack_notification}</td></tr>
 *   <tr><td>3</td><td>suggest_reschedule</td><td>message</td><td>{@code tool_requeue_job} (a human decides)</td></tr>
 *   <tr><td>4</td><td>hold</td><td>reason</td><td>{@code tool_escalate_to_human} (block, require confirmation)</td></tr>
 * </table>
 *
 * The emitted tier already respects the qualified tier, so the rule-based planner never proposes an action the
 * calibration does not support; the gate checks it again anyway (and decides the scope).
 *
 * <p><b>Risk where calibration is not established.</b> In an environment whose scope is ESCALATE — calibration
 * unknown, in learning mode, or poor — no tier qualifies, so the emitted tier is 0. The design's workflow still
 * hands such a risky job to a human ("score &lt; 0.60: escalate"), so by default the planner then proposes the
 * action of the tier p alone reaches, and the gate escalates it with the evidence. {@link #actingOnlyWhenQualified()}
 * proposes nothing instead (no human review of unproven predictions). Stateless and thread-safe.
 */
public final class RuleBasedPlanner implements Planner {
  /** The annotation key of the tier-1 risk label. */
  public static final String RISK_LABEL = "vgac.io/long-wait-risk";
  /** The free-text parameter of warn and suggest_reschedule. */
  public static final String MESSAGE = "message";

  private static final RuleBasedPlanner INSTANCE = new RuleBasedPlanner(true);
  private static final RuleBasedPlanner QUALIFIED_ONLY = new RuleBasedPlanner(false);

  private final boolean escalateUnprovenRisk;

  private RuleBasedPlanner(boolean escalateUnprovenRisk) {
    this.escalateUnprovenRisk = escalateUnprovenRisk;
  }

  /** The default: the emitted tier's action, and risky jobs of ESCALATE-scope environments go to a human. */
  public static RuleBasedPlanner instance() {
    return INSTANCE;
  }

  /** Proposes only the emitted tier's action: nothing at all where calibration is not established. */
  public static RuleBasedPlanner actingOnlyWhenQualified() {
    return QUALIFIED_ONLY;
  }

  @Override
  public List<PlannedAction> propose(PlanningContext c) {
    int tier = c.emittedTier();
    String qualification;
    if (tier > 0) {
      qualification = "qualifies for tier " + c.qualifiedTier();
    } else if (escalateUnprovenRisk && !Double.isNaN(c.p()) && calibrationNotEstablished(c)) {
      tier = c.tierPolicy().emittedTier(c.p(), c.tierPolicy().maxTier());
      qualification = "has no established calibration, so a human decides";
    } else {
      tier = 0;
      qualification = "";
    }
    if (tier == 0) {
      return List.of();
    }
    String job = c.job().jobId();
    String p = String.format(Locale.ROOT, "%.3f", c.p());
    String why = String.format(Locale.ROOT, "p(long wait) = %s reaches tier %d (%s); cluster %s %s",
        p, tier, c.tierPolicy().tierName(tier), c.job().clusterId(), qualification);
    switch (Math.min(tier, 4)) {
      case 1:
        return List.of(new PlannedAction(ProposedAction.ANNOTATE,
            Map.of(ApprovalParameters.KEY, RISK_LABEL, ApprovalParameters.VALUE, p), null, why));
      case 2:
        return List.of(new PlannedAction(ProposedAction.WARN,
            Map.of(MESSAGE, "Job " + job + " is likely to wait long (p = " + p + ")"),
            ToolCatalog.SEND_SLACK_NOTIFICATION, why));
      case 3:
        return List.of(new PlannedAction(ProposedAction.SUGGEST_RESCHEDULE,
            Map.of(MESSAGE, "Consider rescheduling job " + job + ": a long wait is likely (p = " + p + ")"),
            ToolCatalog.REQUEUE_JOB, why));
      default:
        return List.of(new PlannedAction(ProposedAction.HOLD,
            Map.of(ApprovalParameters.REASON, "Very likely long wait (p = " + p + "): confirm before it runs"),
            ToolCatalog.ESCALATE_TO_HUMAN, why));
    }
  }

  /** Unknown evidence, learning mode or an ESCALATE scope: the gate would not let any tier act here. */
  private static boolean calibrationNotEstablished(PlanningContext c) {
    CalibrationEvidence e = c.evidence();
    return e == null || e.learning() || e.scope() == Scope.ESCALATE;
  }
}
