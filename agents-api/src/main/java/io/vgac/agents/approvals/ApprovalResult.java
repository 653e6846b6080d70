package io.vgac.agents.approvals;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link ApprovalQueue#approve} or {@link ApprovalQueue#deny}: a refusal is a typed result, not an
 * exception, because two people deciding the same approval at once is normal and the loser must learn what won.
 *
 * @param outcome what happened
 * @param approval the approval as it now stands (the winner's decision when ALREADY_DECIDED; EXPIRED when EXPIRED);
 *     null only for NOT_FOUND
 */
public record ApprovalResult(Outcome outcome, @Nullable PendingApproval approval) {

  /** What a decision did. */
  public enum Outcome {
    /** The decision was recorded: the approval moved from PENDING to APPROVED or DENIED. */
    APPLIED,
    /** Nothing changed: someone already approved or denied it. */
    ALREADY_DECIDED,
    /** Nothing was decided: it had expired (it is now EXPIRED, if it was not already). */
    EXPIRED,
    /** No approval has this id. */
    NOT_FOUND
  }

  public ApprovalResult {
    if ((outcome == Outcome.NOT_FOUND) != (approval == null)) {
      throw new IllegalArgumentException("approval must be null exactly when NOT_FOUND but was " + approval
          + " for " + outcome);
    }
  }

  /** Whether the decision was recorded. */
  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
