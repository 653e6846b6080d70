package io.vgac.agents.approvals;

import java.util.Locale;

/**
 * Where a {@link PendingApproval} is in its life: PENDING → APPROVED | DENIED | EXPIRED. The three outcomes are
 * terminal: once reached, the approval never changes again.
 */
public enum ApprovalStatus {
  /** Waiting for a human, until it expires. */
  PENDING,
  /** A human approved it; the action may now be executed (still through the gate). */
  APPROVED,
  /** A human refused it; the action is never executed. */
  DENIED,
  /** Nobody decided before it expired; the action is never executed. */
  EXPIRED;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** True for APPROVED, DENIED and EXPIRED. */
  public boolean isTerminal() {
    return this != PENDING;
  }

  /** The lower-case name used on the wire, e.g. {@code approved}. */
  public String wireName() {
    return wireName;
  }

  /** The status with {@code wireName}. */
  public static ApprovalStatus fromWireName(String wireName) {
    for (ApprovalStatus s : values()) {
      if (s.wireName.equals(wireName)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Not an approval status: '" + wireName + "'");
  }
}
