package io.vgac.agents.approvals;

import io.vgac.agents.gate.HumanApproval;
import io.vgac.agents.gate.ProposedAction;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One approval in an {@link ApprovalQueue}, in one state of its life (an immutable snapshot: a transition gives a
 * new one). Created PENDING; {@link #approve}, {@link #deny} and {@link #expire} lead to the terminal states.
 *
 * @param id unique in its queue
 * @param envId the environment (cluster)
 * @param jobId the job the action is for
 * @param action the proposed action
 * @param parameters what the action needs ({@link ApprovalParameters}); name-ordered, immutable
 * @param p the prediction's probability when the action was proposed; NaN when there was none
 * @param reason why the gate escalated
 * @param evidenceSummary the gate's evidence in one line
 * @param requestedBy who proposed the action
 * @param requestedFor who is asked to decide
 * @param requestedAt when it was submitted (the queue's clock)
 * @param expiresAt when it expires unless decided: it is expired at any time ≥ this
 * @param status where it is in its life
 * @param decidedBy who approved or denied it; null while PENDING and for EXPIRED
 * @param decidedAt when it was approved, denied or found expired; null while PENDING
 * @param decisionReason the human's reason (optional, for DENIED or APPROVED); null otherwise
 */
public record PendingApproval(
    String id,
    String envId,
    String jobId,
    ProposedAction action,
    Map<String, String> parameters,
    double p,
    String reason,
    String evidenceSummary,
    String requestedBy,
    String requestedFor,
    Instant requestedAt,
    Instant expiresAt,
    ApprovalStatus status,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String decisionReason) {

  public PendingApproval {
    for (String[] f : new String[][] {
        {"id", id}, {"envId", envId}, {"jobId", jobId}, {"requestedBy", requestedBy}, {"requestedFor", requestedFor}}) {
      if (f[1].isBlank()) {
        throw new IllegalArgumentException(f[0] + " must not be blank but was '" + f[1] + "'");
      }
    }
    if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0,1] (or NaN for no prediction) but was " + p);
    }
    if (!expiresAt.isAfter(requestedAt)) {
      throw new IllegalArgumentException(
          "expiresAt must be after requestedAt " + requestedAt + " but was " + expiresAt);
    }
    parameters = ApprovalParameters.check(action, parameters);
    if (status == ApprovalStatus.PENDING) {
      if (decidedBy != null || decidedAt != null || decisionReason != null) {
        throw new IllegalArgumentException("a PENDING approval has no decision but " + id + " has one");
      }
    } else {
      if (decidedAt == null) {
        throw new IllegalArgumentException("decidedAt is required for " + status + " but was missing in " + id);
      }
      boolean human = status != ApprovalStatus.EXPIRED;
      if (human && (decidedBy == null || decidedBy.isBlank())) {
        throw new IllegalArgumentException("decidedBy is required for " + status + " but was missing in " + id);
      }
      if (!human && (decidedBy != null || decisionReason != null)) {
        throw new IllegalArgumentException("an EXPIRED approval has no decider but " + id + " has one");
      }
    }
  }

  /** A new PENDING approval for {@code request}, submitted at {@code requestedAt}. */
  public static PendingApproval of(String id, ApprovalRequest request, Instant requestedAt) {
    return new PendingApproval(id, request.envId(), request.jobId(), request.action(), request.parameters(),
        request.p(), request.reason(), request.evidenceSummary(), request.requestedBy(), request.requestedFor(),
        requestedAt, requestedAt.plus(request.ttl()), ApprovalStatus.PENDING, null, null, null);
  }

  /** Whether it is expired at {@code now} (at or after {@link #expiresAt}), whatever its status. */
  public boolean isDueAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether it is PENDING and not yet due at {@code now}: a human may still decide it. */
  public boolean isOpenAt(Instant now) {
    return status == ApprovalStatus.PENDING && !isDueAt(now);
  }

  /** The APPROVED snapshot. */
  public PendingApproval approve(String by, Instant at, @Nullable String why) {
    return decide(ApprovalStatus.APPROVED, by, at, why);
  }

  /** The DENIED snapshot. */
  public PendingApproval deny(String by, Instant at, @Nullable String why) {
    return decide(ApprovalStatus.DENIED, by, at, why);
  }

  /** The EXPIRED snapshot, found expired at {@code at}. */
  public PendingApproval expire(Instant at) {
    return decide(ApprovalStatus.EXPIRED, null, at, null);
  }

  /**
   * The gate input for carrying this approval out.
   *
   * @throws IllegalStateException when it is not APPROVED
   */
  public HumanApproval humanApproval() {
    if (status != ApprovalStatus.APPROVED || decidedBy == null || decidedAt == null) {
      throw new IllegalStateException("Approval " + id + " is " + status + ", not APPROVED");
    }
    return new HumanApproval(id, envId, jobId, action, decidedBy, decidedAt);
  }

  private PendingApproval decide(ApprovalStatus to, @Nullable String by, Instant at, @Nullable String why) {
    if (status.isTerminal()) {
      throw new IllegalStateException("Approval " + id + " is already " + status + "; cannot become " + to);
    }
    if (by != null && by.isBlank()) {
      throw new IllegalArgumentException("by must not be blank but was '" + by + "'");
    }
    return new PendingApproval(id, envId, jobId, action, parameters, p, reason, evidenceSummary, requestedBy,
        requestedFor, requestedAt, expiresAt, to, by, at, why);
  }
}
