package io.vgac.agents.approvals;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle rules shared by the embedded queues. Every transition is computed, handed to {@link #persist}
 * (which may throw, leaving the state unchanged) and only then applied, all under one lock: so of concurrent
 * decisions on one approval exactly one wins, and nothing is acknowledged that was not persisted.
 */
abstract class AbstractApprovalQueue implements ApprovalQueue {
  private static final Comparator<PendingApproval> OLDEST_FIRST = Comparator.comparing(PendingApproval::requestedAt);

  private final Clock clock;
  // Ids are version-4-shaped UUIDs: 122 random bits per queue instance, of which the low 58 then count up per
  // submission. UUID.randomUUID() per submission costs a SecureRandom call under a global lock; this costs none,
  // and a reopened journal gets a new random prefix (a replayed id is also never reused: see submit).
  private final long idHigh;
  private final long idLowBase;
  private long idCounter;
  // insertion order = submission order: the tie-break of pending()
  private final Map<String, PendingApproval> approvals = new LinkedHashMap<>();

  AbstractApprovalQueue(Clock clock) {
    this.clock = clock;
    SecureRandom random = new SecureRandom();
    this.idHigh = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    this.idLowBase = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
  }

  /** Makes {@code next} durable before it is applied; called under the lock. Throwing leaves the state unchanged. */
  abstract void persist(PendingApproval next);

  /** Puts a replayed snapshot (no checks, no persist); for use while opening, before the queue is shared. */
  final void restore(PendingApproval snapshot) {
    approvals.put(snapshot.id(), snapshot);
  }

  /** Every approval in submission order (for compaction). */
  final synchronized List<PendingApproval> snapshots() {
    return new ArrayList<>(approvals.values());
  }

  @Override
  public final synchronized String submit(ApprovalRequest request) {
    String id;
    do {
      // the counter wraps within the 62 bits below the variant, far beyond any queue's life
      long low = 0x8000000000000000L | ((idLowBase + idCounter++) & 0x3FFFFFFFFFFFFFFFL);
      id = new UUID(idHigh, low).toString();
    } while (approvals.containsKey(id));
    apply(PendingApproval.of(id, request, clock.instant()));
    return id;
  }

  @Override
  public final synchronized Optional<PendingApproval> get(String id) {
    return Optional.ofNullable(approvals.get(id));
  }

  @Override
  public final synchronized List<PendingApproval> pending() {
    Instant now = clock.instant();
    List<PendingApproval> out = new ArrayList<>();
    for (PendingApproval a : approvals.values()) {
      if (a.isOpenAt(now)) {
        out.add(a);
      }
    }
    out.sort(OLDEST_FIRST); // stable: ties stay in submission order
    return out;
  }

  @Override
  public final ApprovalResult approve(String id, String by, @Nullable String reason) {
    return decide(id, by, reason, true);
  }

  @Override
  public final ApprovalResult deny(String id, String by, @Nullable String reason) {
    return decide(id, by, reason, false);
  }

  @Override
  public final synchronized List<PendingApproval> expireDue() {
    Instant now = clock.instant();
    List<PendingApproval> due = new ArrayList<>();
    for (PendingApproval a : approvals.values()) {
      if (a.status() == ApprovalStatus.PENDING && a.isDueAt(now)) {
        due.add(a);
      }
    }
    due.sort(OLDEST_FIRST);
    List<PendingApproval> expired = new ArrayList<>(due.size());
    for (PendingApproval a : due) {
      expired.add(apply(a.expire(now)));
    }
    return expired;
  }

  private synchronized ApprovalResult decide(String id, String by, @Nullable String reason, boolean approve) {
    if (by.isBlank()) {
      throw new IllegalArgumentException("by must not be blank but was '" + by + "'");
    }
    PendingApproval current = approvals.get(id);
    if (current == null) {
      return new ApprovalResult(ApprovalResult.Outcome.NOT_FOUND, null);
    }
    switch (current.status()) {
      case APPROVED:
      case DENIED:
        return new ApprovalResult(ApprovalResult.Outcome.ALREADY_DECIDED, current);
      case EXPIRED:
        return new ApprovalResult(ApprovalResult.Outcome.EXPIRED, current);
      default:
        break;
    }
    Instant now = clock.instant();
    if (current.isDueAt(now)) {
      // too late: record the expiry it has reached, so everyone sees the same final state
      return new ApprovalResult(ApprovalResult.Outcome.EXPIRED, apply(current.expire(now)));
    }
    PendingApproval next = approve ? current.approve(by, now, reason) : current.deny(by, now, reason);
    return new ApprovalResult(ApprovalResult.Outcome.APPLIED, apply(next));
  }

  private PendingApproval apply(PendingApproval next) {
    persist(next);
    approvals.put(next.id(), next);
    return next;
  }
}
