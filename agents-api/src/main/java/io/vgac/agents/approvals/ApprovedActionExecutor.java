package io.vgac.agents.approvals;

import io.vgac.agents.gate.ActionOutcome;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.HumanApproval;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out approved actions: re-checks that the job is still pending, then runs the action through
 * {@link GatedActions#withApproval}. Never calls the scheduler directly.
 *
 * <p><b>An approval is not a bypass.</b> The gate decides the approved action with the approval as an explicit
 * input: the approval lifts the ESCALATE scope to NOTIFY for this one action, but unknown, stale or undefined
 * evidence still escalates, and an action above the policy's tiers, the qualified tier or its threshold is still
 * denied ({@link io.vgac.agents.gate.ActionGate}). A refusal is reported as REFUSED_BY_GATE; the approval stays
 * APPROVED in its queue (it records the human's decision, not the execution).
 *
 * <p><b>At most once.</b> An approval reaches the gate at most once per executor, even when called concurrently or
 * again (ALREADY_EXECUTED); a job-status check that fails or says "not pending" does not use up that chance.
 * Thread-safe.
 */
public final class ApprovedActionExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(ApprovedActionExecutor.class);

  private final JobStatus jobs;
  private final GatedActions actions;
  private final Set<String> taken = ConcurrentHashMap.newKeySet();

  public ApprovedActionExecutor(JobStatus jobs, GatedActions actions) {
    this.jobs = jobs;
    this.actions = actions;
  }

  /**
   * Executes {@code approval} if its job is still pending and the gate allows it.
   *
   * @throws IllegalArgumentException when the approval is not APPROVED (only an approved action may run)
   */
  public ApprovedExecution execute(PendingApproval approval) {
    if (approval.status() != ApprovalStatus.APPROVED) {
      throw new IllegalArgumentException(
          "approval " + approval.id() + " must be APPROVED to execute but was " + approval.status());
    }
    HumanApproval human = approval.humanApproval();
    boolean pending;
    try {
      pending = jobs.isPending(approval.envId(), approval.jobId());
    } catch (RuntimeException e) {
      LOG.warn("Job status of {} in {} unavailable; approval {} not executed", approval.jobId(), approval.envId(),
          approval.id(), e);
      return new ApprovedExecution(approval, ApprovedExecution.Status.JOB_STATUS_UNKNOWN, null);
    }
    if (!pending) {
      return new ApprovedExecution(approval, ApprovedExecution.Status.JOB_NOT_PENDING, null);
    }
    if (ApprovalParameters.required(approval.action()).isEmpty()) {
      return new ApprovedExecution(approval, ApprovedExecution.Status.NOT_A_SCHEDULER_ACTION, null);
    }
    if (!taken.add(approval.id())) {
      return new ApprovedExecution(approval, ApprovedExecution.Status.ALREADY_EXECUTED, null);
    }
    ActionOutcome outcome = run(actions.withApproval(human), approval);
    ApprovedExecution.Status status = !outcome.decision().decision().executes()
        ? ApprovedExecution.Status.REFUSED_BY_GATE
        : outcome.executed() ? ApprovedExecution.Status.EXECUTED : ApprovedExecution.Status.EXECUTION_FAILED;
    return new ApprovedExecution(approval, status, outcome);
  }

  private static ActionOutcome run(GatedActions gated, PendingApproval a) {
    Map<String, String> x = a.parameters();
    String env = a.envId();
    String job = a.jobId();
    switch (a.action()) {
      case ANNOTATE:
        return gated.annotate(env, job, a.p(), x.get(ApprovalParameters.KEY), x.get(ApprovalParameters.VALUE));
      case HOLD:
        return gated.hold(env, job, a.p(), x.get(ApprovalParameters.REASON));
      case REQUEUE:
        return gated.requeue(env, job, a.p(), x.get(ApprovalParameters.TARGET_QUEUE));
      case ADJUST_PRIORITY:
        return gated.adjustPriority(env, job, a.p(), ApprovalParameters.priority(x.get(ApprovalParameters.PRIORITY)));
      default:
        throw new AssertionError(a.action()); // filtered above: no scheduler call
    }
  }
}
