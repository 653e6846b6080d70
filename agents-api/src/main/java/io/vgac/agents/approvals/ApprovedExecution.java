package io.vgac.agents.approvals;

import io.vgac.agents.gate.ActionOutcome;
import org.jspecify.annotations.Nullable;

/**
 * What became of one approved action in {@link ApprovedActionExecutor#execute}.
 *
 * @param approval the approval carried out
 * @param status what happened
 * @param outcome the gate's decision and the scheduler's result; null when the gate was not asked (the job was no
 *     longer pending or its status unknown, the action is not a scheduler call, or it was already executed)
 */
public record ApprovedExecution(PendingApproval approval, Status status, @Nullable ActionOutcome outcome) {

  /** What happened to an approved action. */
  public enum Status {
    /** The gate allowed it and the scheduler carried it out. */
    EXECUTED,
    /** The gate allowed it but the scheduler failed (see the outcome's execution error). */
    EXECUTION_FAILED,
    /** The gate escalated or denied it despite the approval: nothing ran. */
    REFUSED_BY_GATE,
    /** The job is no longer pending: nothing ran and the gate was not asked. */
    JOB_NOT_PENDING,
    /** The job's status could not be read: nothing ran and the gate was not asked (retry later). */
    JOB_STATUS_UNKNOWN,
    /** WARN and SUGGEST_RESCHEDULE are messages to people, not scheduler calls: the caller's notifier sends them. */
    NOT_A_SCHEDULER_ACTION,
    /** This executor already took this approval to the gate once: an approval runs at most once. */
    ALREADY_EXECUTED
  }

  /** Whether the scheduler carried the action out. */
  public boolean executed() {
    return status == Status.EXECUTED;
  }
}
