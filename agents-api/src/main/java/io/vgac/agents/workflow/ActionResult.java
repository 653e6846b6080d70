package io.vgac.agents.workflow;

import io.vgac.agents.gate.ActionOutcome;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.spi.PlannedAction;
import org.jspecify.annotations.Nullable;

/**
 * What became of one planned action.
 *
 * @param planned what the planner proposed
 * @param outcome the gate's decision and whether the action ran
 * @param humanNotified EXECUTE_AND_NOTIFY: the note was posted; ESCALATE: the escalation was posted; else false
 * @param approvalId the approval queued for an escalated action; null when none was queued (not escalated, or the
 *     queue failed)
 * @param adapterErrors failures after the decision — of the scheduler (or the message delivery of warn/suggest), the
 *     alert sink or the approval queue — logged, never changing the decision; empty when none
 */
public record ActionResult(
    PlannedAction planned, ActionOutcome outcome, boolean humanNotified, @Nullable String approvalId,
    String adapterErrors) {

  /** The gate's decision. */
  public Decision decision() {
    return outcome.decision().decision();
  }
}
