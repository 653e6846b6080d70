package io.vgac.slack;

import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovedExecution;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SlackInteractionHandler} made of one request.
 *
 * @param outcome what happened
 * @param detail one line for a log or the HTTP answer; never a secret
 * @param approvalId the approval the button named; null when none
 * @param user who clicked ({@code slack:<user id>}); null for a request that was not accepted
 * @param decision the queue's answer to approve/deny; null otherwise
 * @param execution what the executor did with an approved action; null unless APPROVED
 */
public record InteractionResult(
    Outcome outcome,
    String detail,
    @Nullable String approvalId,
    @Nullable String user,
    @Nullable ApprovalResult decision,
    @Nullable ApprovedExecution execution) {

  /** The outcomes; each maps to one HTTP status ({@link #httpStatus}). */
  public enum Outcome {
    /** The approval was approved and handed to the executor, which re-checked it through the gate. */
    APPROVED(200),
    /** The approval was denied. */
    DENIED(200),
    /** The queue refused the decision (already decided, expired, unknown id): see {@code decision}. */
    NOT_DECIDED(200),
    /** An escalation was acknowledged. */
    ACKNOWLEDGED(200),
    /** A valid, signed request this handler has nothing to do for (another interaction type or action). */
    IGNORED(200),
    /** Missing or wrong signature. */
    REJECTED_SIGNATURE(401),
    /** Timestamp missing, unreadable, or outside the replay window. */
    REJECTED_STALE(401),
    /** The same signed request was already handled within the window. */
    REJECTED_REPLAY(401),
    /** Signed, but not a readable interaction payload. */
    MALFORMED(400),
    /** The approval queue threw: nothing was decided (Slack shows the user an error; they may click again). */
    FAILED(500);

    private final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }

    /** Whether the request was refused before anything was decided (401 or 400). */
    public boolean rejected() {
      return httpStatus == 401 || httpStatus == 400;
    }
  }

  /** The HTTP status to answer Slack with. */
  public int httpStatus() {
    return outcome.httpStatus();
  }

  static InteractionResult rejected(Outcome outcome, String detail) {
    return new InteractionResult(outcome, detail, null, null, null, null);
  }
}
