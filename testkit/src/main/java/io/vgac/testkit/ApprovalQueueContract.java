package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.gate.ProposedAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ApprovalQueue}: every implementation's test extends this class and implements
 * {@link #create}. Covers the lifecycle PENDING → APPROVED | DENIED | EXPIRED, refusal of second decisions, expiry
 * by the injected clock, the order of {@link ApprovalQueue#pending()}, unique ids, and exactly one winner among
 * concurrent decisions. A queue that is {@link AutoCloseable} is closed after each test.
 */
public abstract class ApprovalQueueContract {
  /** The start time of {@link #clock}. */
  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final int THREADS = 8;

  /** The clock the queue under test must use; tests move it. */
  protected final SettableClock clock = new SettableClock(T0);
  /** The queue under test. */
  protected ApprovalQueue queue;

  /** A new, empty queue on {@code clock}. */
  protected abstract ApprovalQueue create(Clock clock) throws Exception;

  @BeforeEach
  void createQueue() throws Exception {
    queue = create(clock);
  }

  @AfterEach
  void closeQueue() throws Exception {
    if (queue instanceof AutoCloseable) {
      ((AutoCloseable) queue).close();
    }
  }

  /** A valid request for a hold of {@code job}, open for {@code ttl}. */
  protected static ApprovalRequest request(String job, Duration ttl) {
    return new ApprovalRequest("slurm-a", job, ProposedAction.HOLD, Map.of(ApprovalParameters.REASON, "long wait"),
        0.93, "Low calibration (0.45) for cluster slurm-a", "samples=200 ece=0.110", "planner", "#gpu-alerts", ttl);
  }

  protected static ApprovalRequest request(String job) {
    return request(job, Duration.ofHours(1));
  }

  @Test
  void submitCreatesAPendingApprovalWithEverythingAHumanNeeds() {
    ApprovalRequest r = new ApprovalRequest("k8s-b", "job-7", ProposedAction.ADJUST_PRIORITY,
        Map.of(ApprovalParameters.PRIORITY, "low", "note", "ü ✓"), Double.NaN, "No prediction available for job job-7",
        "no calibration evidence", "actor", "alice", Duration.ofMinutes(30));
    String id = queue.submit(r);
    PendingApproval a = queue.get(id).orElseThrow();
    assertThat(a.id()).isEqualTo(id);
    assertThat(a.envId()).isEqualTo("k8s-b");
    assertThat(a.jobId()).isEqualTo("job-7");
    assertThat(a.action()).isEqualTo(ProposedAction.ADJUST_PRIORITY);
    assertThat(a.parameters()).isEqualTo(Map.of(ApprovalParameters.PRIORITY, "low", "note", "ü ✓"));
    assertThat(a.p()).isNaN();
    assertThat(a.reason()).isEqualTo("No prediction available for job job-7");
    assertThat(a.evidenceSummary()).isEqualTo("no calibration evidence");
    assertThat(a.requestedBy()).isEqualTo("actor");
    assertThat(a.requestedFor()).isEqualTo("alice");
    assertThat(a.requestedAt()).isEqualTo(T0);
    assertThat(a.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(a.decidedBy()).isNull();
    assertThat(a.decidedAt()).isNull();
    assertThat(a.decisionReason()).isNull();
    assertThat(queue.pending()).containsExactly(a);
  }

  @Test
  void idsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ids.add(queue.submit(request("j" + i)));
    }
    assertThat(ids).hasSize(200);
    assertThat(queue.pending()).hasSize(200);
  }

  @Test
  void unknownIdsAreNotFound() {
    assertThat(queue.get("nope")).isEmpty();
    assertThat(queue.approve("nope", "alice")).isEqualTo(new ApprovalResult(ApprovalResult.Outcome.NOT_FOUND, null));
    assertThat(queue.deny("nope", "alice", null).outcome()).isEqualTo(ApprovalResult.Outcome.NOT_FOUND);
  }

  @Test
  void approveRecordsWhoAndWhenAndIsFinal() {
    String id = queue.submit(request("j1"));
    clock.advance(Duration.ofMinutes(5));
    ApprovalResult r = queue.approve(id, "alice", "checked the queue");
    assertThat(r.applied()).isTrue();
    PendingApproval a = r.approval();
    assertThat(a).isNotNull();
    assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(a.decidedBy()).isEqualTo("alice");
    assertThat(a.decidedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(a.decisionReason()).isEqualTo("checked the queue");
    assertThat(queue.get(id)).contains(a);
    assertThat(queue.pending()).isEmpty();
    assertThat(a.humanApproval().approvedBy()).isEqualTo("alice");

    clock.advance(Duration.ofMinutes(1));
    ApprovalResult again = queue.approve(id, "bob");
    assertThat(again.outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
    assertThat(again.approval()).isEqualTo(a);
    assertThat(queue.deny(id, "bob", "too late").outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
    clock.advance(Duration.ofHours(2));
    assertThat(queue.expireDue()).isEmpty();
    assertThat(queue.get(id)).contains(a);
  }

  @Test
  void denyRecordsTheReasonAndIsFinal() {
    String id = queue.submit(request("j1"));
    String silent = queue.submit(request("j2"));
    ApprovalResult r = queue.deny(id, "bob", "job is urgent");
    assertThat(r.applied()).isTrue();
    assertThat(r.approval()).isNotNull();
    assertThat(r.approval().status()).isEqualTo(ApprovalStatus.DENIED);
    assertThat(r.approval().decidedBy()).isEqualTo("bob");
    assertThat(r.approval().decisionReason()).isEqualTo("job is urgent");
    assertThat(queue.deny(silent, "bob", null).approval().decisionReason()).isNull();
    assertThat(queue.approve(id, "alice").outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
    assertThat(queue.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.DENIED);
    assertThatThrownBy(() -> queue.get(id).orElseThrow().humanApproval()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBlankDeciderIsRejected() {
    String id = queue.submit(request("j1"));
    assertThatThrownBy(() -> queue.approve(id, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("by must not be blank but was ' '");
    assertThatThrownBy(() -> queue.deny(id, "", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(queue.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void expiryFollowsTheInjectedClock() {
    String shortLived = queue.submit(request("j1", Duration.ofMinutes(10)));
    String longLived = queue.submit(request("j2", Duration.ofMinutes(60)));

    clock.advance(Duration.ofMinutes(10).minusNanos(1));
    assertThat(queue.pending()).extracting(PendingApproval::id).containsExactly(shortLived, longLived);
    assertThat(queue.expireDue()).isEmpty();

    clock.advance(Duration.ofNanos(1)); // exactly at expiresAt: expired
    assertThat(queue.pending()).extracting(PendingApproval::id).containsExactly(longLived);
    List<PendingApproval> expired = queue.expireDue();
    assertThat(expired).extracting(PendingApproval::id).containsExactly(shortLived);
    assertThat(expired.get(0).status()).isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(expired.get(0).decidedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(expired.get(0).decidedBy()).isNull();
    assertThat(queue.get(shortLived)).contains(expired.get(0));
    assertThat(queue.expireDue()).as("expires once").isEmpty();

    ApprovalResult late = queue.approve(shortLived, "alice");
    assertThat(late.outcome()).isEqualTo(ApprovalResult.Outcome.EXPIRED);
    assertThat(late.approval()).isEqualTo(expired.get(0));
  }

  @Test
  void aDecisionAfterExpiryIsRefusedEvenBeforeExpireDueRan() {
    String id = queue.submit(request("j1", Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(11));
    ApprovalResult r = queue.approve(id, "alice");
    assertThat(r.outcome()).isEqualTo(ApprovalResult.Outcome.EXPIRED);
    assertThat(r.approval()).isNotNull();
    assertThat(r.approval().status()).isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(queue.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.EXPIRED);
    assertThat(queue.deny(id, "bob", null).outcome()).isEqualTo(ApprovalResult.Outcome.EXPIRED);
    assertThat(queue.expireDue()).isEmpty();
  }

  @Test
  void pendingIsOldestFirstWithTiesInSubmissionOrder() {
    String a = queue.submit(request("a"));
    clock.advance(Duration.ofMinutes(1));
    String b = queue.submit(request("b"));
    String c = queue.submit(request("c")); // same requestedAt as b
    clock.set(T0.minusSeconds(30)); // a clock that stepped back: requestedAt decides, not submission
    String d = queue.submit(request("d"));
    clock.set(T0.plus(Duration.ofMinutes(2)));
    assertThat(queue.pending()).extracting(PendingApproval::id).containsExactly(d, a, b, c);
    queue.approve(b, "alice");
    queue.deny(d, "alice", null);
    assertThat(queue.pending()).extracting(PendingApproval::id).containsExactly(a, c);
  }

  @Test
  void concurrentDecisionsOnOneApprovalHaveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 25; round++) {
        String id = queue.submit(request("j" + round));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApprovalResult>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String who = "user" + t;
          boolean approve = t % 2 == 0;
          Callable<ApprovalResult> decide = () -> {
            start.await();
            return approve ? queue.approve(id, who) : queue.deny(id, who, "no");
          };
          results.add(pool.submit(decide));
        }
        start.countDown();
        List<ApprovalResult> done = new ArrayList<>();
        for (Future<ApprovalResult> f : results) {
          done.add(f.get(30, TimeUnit.SECONDS));
        }
        List<ApprovalResult> winners = done.stream().filter(ApprovalResult::applied).toList();
        assertThat(winners).as("round %d", round).hasSize(1);
        PendingApproval won = winners.get(0).approval();
        assertThat(done).filteredOn(r -> !r.applied()).allSatisfy(r -> {
          assertThat(r.outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
          assertThat(r.approval()).isEqualTo(won);
        });
        assertThat(queue.get(id)).contains(won);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSubmissionsAreAllKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < 50; i++) {
            ids.add(queue.submit(request("t" + thread + "-" + i)));
          }
          return ids;
        }));
      }
      start.countDown();
      Set<String> ids = new HashSet<>();
      for (Future<List<String>> f : futures) {
        ids.addAll(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(ids).hasSize(THREADS * 50);
      assertThat(queue.pending()).hasSize(THREADS * 50);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A clock that moves only when a test moves it. */
  public static final class SettableClock extends Clock {
    private volatile Instant now;

    public SettableClock(Instant start) {
      this.now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    public void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(@Nullable ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
