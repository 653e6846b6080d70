package io.vgac.agents.approvals;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Escalated actions waiting for a human (SPI). Embedded defaults: {@link InMemoryApprovalQueue} and the persisted
 * {@link FileApprovalQueue}; every implementation passes the testkit's {@code ApprovalQueueContract}.
 *
 * <p><b>Lifecycle.</b> {@link #submit} creates a PENDING approval; {@link #approve} and {@link #deny} move it to
 * APPROVED or DENIED; it is expired at any time ≥ its {@code expiresAt} (by the queue's injected clock), and is
 * moved to EXPIRED by {@link #expireDue} or by a decision that comes too late. Terminal states are final.
 *
 * <p><b>Refusals are results.</b> Deciding an unknown, already decided or expired approval changes nothing and
 * returns an {@link ApprovalResult} saying so; of any number of concurrent decisions on one approval exactly one
 * is APPLIED. Invalid arguments (a blank decider) throw IllegalArgumentException.
 *
 * <p><b>Acting on a decision.</b> There is no listener: every transition is returned to its caller (the APPLIED
 * result, the list from {@link #expireDue}), which acts on it — normally by handing an approved approval to
 * {@link ApprovedActionExecutor}. Approving does not execute anything.
 *
 * <p>Implementations are thread-safe.
 */
public interface ApprovalQueue {

  /** Records {@code request} as a PENDING approval requested now, and returns its new, unique id. */
  String submit(ApprovalRequest request);

  /** The approval with {@code id} as it now stands (in any state); empty when there is none. */
  Optional<PendingApproval> get(String id);

  /**
   * The approvals a human may still decide: PENDING and not yet due by the clock, oldest {@code requestedAt}
   * first, ties in submission order.
   */
  List<PendingApproval> pending();

  /**
   * Approves {@code id} on behalf of {@code by}.
   *
   * @throws IllegalArgumentException when {@code by} is blank
   */
  default ApprovalResult approve(String id, String by) {
    return approve(id, by, null);
  }

  /**
   * Approves {@code id} on behalf of {@code by}, with an optional reason.
   *
   * @throws IllegalArgumentException when {@code by} is blank
   */
  ApprovalResult approve(String id, String by, @Nullable String reason);

  /**
   * Denies {@code id} on behalf of {@code by}, with an optional reason.
   *
   * @throws IllegalArgumentException when {@code by} is blank
   */
  ApprovalResult deny(String id, String by, @Nullable String reason);

  /** Moves every PENDING approval that is due by the clock to EXPIRED, and returns them (oldest first). */
  List<PendingApproval> expireDue();
}
