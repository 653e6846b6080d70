package io.vgac.agents.approvals;

import java.time.Clock;

/**
 * The in-memory {@link ApprovalQueue}: approvals live as long as the object (for tests, and for embedding where a
 * restart may drop open approvals; use {@link FileApprovalQueue} otherwise). Thread-safe; ids are UUIDs (a random per-queue
 * prefix and a counter).
 */
public final class InMemoryApprovalQueue extends AbstractApprovalQueue {

  /** A queue whose times ({@code requestedAt}, expiry, decisions) come from {@code clock}. */
  public InMemoryApprovalQueue(Clock clock) {
    super(clock);
  }

  /** A queue on the system clock (UTC). */
  public InMemoryApprovalQueue() {
    this(Clock.systemUTC());
  }

  @Override
  void persist(PendingApproval next) {
    // nothing to persist
  }
}
