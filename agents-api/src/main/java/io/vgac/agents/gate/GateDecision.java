package io.vgac.agents.gate;

import io.vgac.calibration.policy.Scope;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The gate's decision on one request, with everything needed to audit it.
 *
 * @param time the gate clock's time of the decision
 * @param request what was proposed
 * @param tier the tier the action needs ({@link ProposedAction#tier()})
 * @param scope the scope the decision was made under: the narrower of the evidence's scope and the gate state's
 *     cap; ESCALATE when the evidence was unknown, stale or missing
 * @param decision what was decided
 * @param reason why, in one sentence for a human
 * @param state the environment's gate state after observing the evidence
 * @param evidence the evidence used; null when none was available
 */
public record GateDecision(
    Instant time,
    ActionRequest request,
    int tier,
    Scope scope,
    Decision decision,
    String reason,
    GateState state,
    @Nullable CalibrationEvidence evidence) {

  public String envId() {
    return request.envId();
  }

  public String jobId() {
    return request.jobId();
  }

  public ProposedAction action() {
    return request.action();
  }
}
