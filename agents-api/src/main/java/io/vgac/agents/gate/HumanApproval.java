package io.vgac.agents.gate;

import java.time.Instant;

/**
 * A human's approval of one escalated action: an explicit input of {@link ActionGate#decide(ActionRequest,
 * CalibrationEvidence, HumanApproval)}. It is bound to exactly one action of one job in one environment; the gate
 * refuses to apply it to any other request.
 *
 * <p>What an approval changes, and what it does not, is documented on {@link ActionGate}: it lifts the ESCALATE
 * scope (low score, learning mode, an ESCALATE_ONLY or LEARNING gate state) to NOTIFY for this one action, and
 * nothing else.
 *
 * @param approvalId the approval's id in its queue (for the audit trail)
 * @param envId the environment the approved action runs in
 * @param jobId the job it acts on
 * @param action the approved action
 * @param approvedBy who approved it
 * @param approvedAt when
 */
public record HumanApproval(
    String approvalId, String envId, String jobId, ProposedAction action, String approvedBy, Instant approvedAt) {

  public HumanApproval {
    requireText("approvalId", approvalId);
    requireText("envId", envId);
    requireText("jobId", jobId);
    requireText("approvedBy", approvedBy);
  }

  /** Whether this approval is for {@code request}'s environment, job and action. */
  public boolean covers(ActionRequest request) {
    return envId.equals(request.envId()) && jobId.equals(request.jobId()) && action == request.action();
  }

  private static void requireText(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
    }
  }
}
