package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.approvals.ApprovedActionExecutor;
import io.vgac.agents.approvals.ApprovedExecution;
import io.vgac.agents.approvals.InMemoryApprovalQueue;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.gate.RecordingSchedulerActions.Call;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An approved action runs only while its job is pending, only through the gate, and at most once. */
class ApprovedActionExecutorTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  final ApprovalQueueContract.SettableClock clock = new ApprovalQueueContract.SettableClock(T0);
  final ActionGate gate = new ActionGate(GateConfig.ofDefaults(), clock);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final List<GateDecision> recorded = Collections.synchronizedList(new ArrayList<>());
  final Map<String, CalibrationEvidence> evidence = new ConcurrentHashMap<>();
  final GatedActions gated = new GatedActions(gate, evidence::get, scheduler, recorded::add);
  final InMemoryApprovalQueue queue = new InMemoryApprovalQueue(clock);
  final Set<String> pendingJobs = ConcurrentHashMap.newKeySet();
  final ApprovedActionExecutor executor = new ApprovedActionExecutor((env, job) -> pendingJobs.contains(job), gated);

  /** Evidence as the tracker would give it: scope from (score, samples), tier from ECE = (1 − score) / 5. */
  static CalibrationEvidence evidence(String env, double score, long samples, Instant at) {
    AutonomyPolicy policy = AutonomyPolicy.ofDefaults();
    double ece = (1 - score) / 5;
    boolean learning = policy.isLearning(samples);
    return new CalibrationEvidence(env, samples, learning, score, policy.scope(score, samples),
        TierPolicy.standard().qualifiedTier(ece), ece, new Interval(ece * 0.8, ece * 1.2, 0.9), DriftSeverity.NONE,
        learning ? TrackerState.LEARNING : TrackerState.CALIBRATED, at);
  }

  PendingApproval approved(String env, String job, ProposedAction action, Map<String, String> params, double p) {
    String id = queue.submit(new ApprovalRequest(env, job, action, params, p, "Low calibration", "summary",
        "planner", "#gpu-alerts", Duration.ofHours(1)));
    return queue.approve(id, "alice").approval();
  }

  PendingApproval approvedAnnotate(String env, String job) {
    return approved(env, job, ProposedAction.ANNOTATE,
        Map.of(ApprovalParameters.KEY, "vgac.io/wait-risk", ApprovalParameters.VALUE, "high"), 0.5);
  }

  @Test
  void aJobThatIsNoLongerPendingIsNotActedOnAndTheGateIsNotAsked() {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    ApprovedExecution r = executor.execute(approvedAnnotate("c", "started-job"));
    assertThat(r.status()).isEqualTo(ApprovedExecution.Status.JOB_NOT_PENDING);
    assertThat(r.outcome()).isNull();
    assertThat(scheduler.calls()).isEmpty();
    assertThat(recorded).isEmpty();
  }

  @Test
  void aPendingJobsApprovedActionGoesThroughTheGate() {
    evidence.put("c", evidence("c", 0.55, 500, T0)); // ESCALATE scope, qualified tier 1
    pendingJobs.add("j");
    ApprovedExecution r = executor.execute(approvedAnnotate("c", "j"));
    assertThat(r.status()).isEqualTo(ApprovedExecution.Status.EXECUTED);
    assertThat(r.executed()).isTrue();
    assertThat(r.outcome()).isNotNull();
    assertThat(r.outcome().decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(r.outcome().decision().reason()).contains("human approval " + r.approval().id() + " by alice");
    assertThat(scheduler.calls()).containsExactly(new Call(ProposedAction.ANNOTATE, "c", "j", "vgac.io/wait-risk=high"));
    assertThat(recorded).hasSize(1);
  }

  @Test
  void theGatesRefusalIsRespected() {
    evidence.put("c", evidence("c", 0.55, 500, T0)); // qualified tier 1: a hold (tier 4) is ruled out
    evidence.put("stale", evidence("stale", 0.95, 500, T0.minus(Duration.ofHours(1))));
    pendingJobs.add("j");
    ApprovedExecution denied = executor.execute(
        approved("c", "j", ProposedAction.HOLD, Map.of(ApprovalParameters.REASON, "long wait"), 0.99));
    assertThat(denied.status()).isEqualTo(ApprovedExecution.Status.REFUSED_BY_GATE);
    assertThat(denied.outcome().decision().decision()).isEqualTo(Decision.DENY);
    ApprovedExecution stale = executor.execute(approvedAnnotate("stale", "j"));
    assertThat(stale.status()).isEqualTo(ApprovedExecution.Status.REFUSED_BY_GATE);
    assertThat(stale.outcome().decision().decision()).isEqualTo(Decision.ESCALATE);
    ApprovedExecution unknown = executor.execute(approvedAnnotate("unknown", "j"));
    assertThat(unknown.status()).isEqualTo(ApprovedExecution.Status.REFUSED_BY_GATE);
    assertThat(scheduler.calls()).isEmpty();
    assertThat(recorded).extracting(GateDecision::decision)
        .containsExactly(Decision.DENY, Decision.ESCALATE, Decision.ESCALATE);
  }

  @Test
  void everySchedulerActionIsCarriedOutWithItsParameters() {
    evidence.put("l", evidence("l", 0.96, 10, T0)); // learning mode, ECE 0.008: qualified tier 4
    pendingJobs.add("j");
    List<PendingApproval> approvals = List.of(
        approved("l", "j", ProposedAction.HOLD, Map.of(ApprovalParameters.REASON, "long wait"), 0.95),
        approved("l", "j", ProposedAction.REQUEUE, Map.of(ApprovalParameters.TARGET_QUEUE, "spot"), 0.95),
        approved("l", "j", ProposedAction.ADJUST_PRIORITY, Map.of(ApprovalParameters.PRIORITY, "high"), 0.95));
    for (PendingApproval a : approvals) {
      assertThat(executor.execute(a).status()).as(a.action().name()).isEqualTo(ApprovedExecution.Status.EXECUTED);
    }
    assertThat(scheduler.calls()).containsExactly(
        new Call(ProposedAction.HOLD, "l", "j", "long wait"),
        new Call(ProposedAction.REQUEUE, "l", "j", "spot"),
        new Call(ProposedAction.ADJUST_PRIORITY, "l", "j", PriorityLevel.HIGH.name()));
  }

  @Test
  void anApprovalRunsAtMostOnceEvenFromEightThreads() throws Exception {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    pendingJobs.add("j");
    PendingApproval a = approvedAnnotate("c", "j");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ApprovedExecution>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          return executor.execute(a);
        }));
      }
      start.countDown();
      List<ApprovedExecution.Status> statuses = new ArrayList<>();
      for (Future<ApprovedExecution> f : futures) {
        statuses.add(f.get(30, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).containsOnlyOnce(ApprovedExecution.Status.EXECUTED);
      assertThat(new HashSet<>(statuses))
          .containsExactlyInAnyOrder(ApprovedExecution.Status.EXECUTED, ApprovedExecution.Status.ALREADY_EXECUTED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(scheduler.count()).isEqualTo(1);
  }

  @Test
  void anUnreadableJobStatusRunsNothingAndMayBeRetried() {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    PendingApproval a = approvedAnnotate("c", "j");
    boolean[] fail = {true};
    ApprovedActionExecutor flaky = new ApprovedActionExecutor((env, job) -> {
      if (fail[0]) {
        throw new IllegalStateException("squeue timed out");
      }
      return true;
    }, gated);
    assertThat(flaky.execute(a).status()).isEqualTo(ApprovedExecution.Status.JOB_STATUS_UNKNOWN);
    assertThat(scheduler.calls()).isEmpty();
    fail[0] = false;
    assertThat(flaky.execute(a).status()).isEqualTo(ApprovedExecution.Status.EXECUTED);
  }

  @Test
  void aFailingSchedulerIsReportedAndTheDecisionStands() {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    pendingJobs.add("j");
    SchedulerActions broken = new SchedulerActions() {
      @Override
      public void requeue(String clusterId, String jobId, String targetQueue) {}

      @Override
      public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {}

      @Override
      public void annotate(String clusterId, String jobId, String key, String value) {
        throw new IllegalStateException("kube-apiserver unreachable");
      }

      @Override
      public void hold(String clusterId, String jobId, String reason) {}
    };
    ApprovedActionExecutor ex = new ApprovedActionExecutor(
        (env, job) -> true, new GatedActions(gate, evidence::get, broken, recorded::add));
    ApprovedExecution r = ex.execute(approvedAnnotate("c", "j"));
    assertThat(r.status()).isEqualTo(ApprovedExecution.Status.EXECUTION_FAILED);
    assertThat(r.outcome().decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(r.outcome().executionError()).isEqualTo("IllegalStateException: kube-apiserver unreachable");
  }

  @Test
  void messagesToPeopleAreNotSchedulerCalls() {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    pendingJobs.add("j");
    ApprovedExecution r = executor.execute(approved("c", "j", ProposedAction.WARN, Map.of(), 0.6));
    assertThat(r.status()).isEqualTo(ApprovedExecution.Status.NOT_A_SCHEDULER_ACTION);
    assertThat(scheduler.calls()).isEmpty();
    assertThat(recorded).isEmpty();
  }

  @Test
  void onlyAnApprovedApprovalMayRun() {
    pendingJobs.add("j");
    String id = queue.submit(new ApprovalRequest("c", "j", ProposedAction.ANNOTATE,
        Map.of(ApprovalParameters.KEY, "k", ApprovalParameters.VALUE, "v"), 0.5, "r", "s", "planner", "ops",
        Duration.ofHours(1)));
    assertThatThrownBy(() -> executor.execute(queue.get(id).orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("approval " + id + " must be APPROVED to execute but was PENDING");
    queue.deny(id, "bob", null);
    assertThatThrownBy(() -> executor.execute(queue.get(id).orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(scheduler.calls()).isEmpty();
  }

  @Test
  void theWholePathFromEscalationToExecution() {
    evidence.put("c", evidence("c", 0.55, 500, T0));
    pendingJobs.add("j");
    // 1. the gate escalates the planner's proposal
    var first = gated.annotate("c", "j", 0.5, "vgac.io/wait-risk", "high");
    assertThat(first.decision().decision()).isEqualTo(Decision.ESCALATE);
    // 2. it becomes a pending approval, with the gate's reason and evidence
    String id = queue.submit(ApprovalRequest.forEscalation(first.decision(),
        Map.of(ApprovalParameters.KEY, "vgac.io/wait-risk", ApprovalParameters.VALUE, "high"), "planner",
        "#gpu-alerts", ApprovalRequest.DEFAULT_TTL));
    PendingApproval pending = queue.get(id).orElseThrow();
    assertThat(pending.reason()).isEqualTo("Low calibration (0.55) for cluster c");
    assertThat(pending.evidenceSummary()).startsWith("samples=500 ece=0.090").contains("scope=ESCALATE", "tier=1");
    assertThat(pending.p()).isEqualTo(0.5);
    // 3. a human approves; 4. the approved action runs through the gate
    clock.advance(Duration.ofMinutes(3));
    evidence.put("c", evidence("c", 0.55, 520, clock.instant()));
    ApprovedExecution r = executor.execute(queue.approve(id, "alice").approval());
    assertThat(r.status()).isEqualTo(ApprovedExecution.Status.EXECUTED);
    assertThat(scheduler.calls()).containsExactly(new Call(ProposedAction.ANNOTATE, "c", "j", "vgac.io/wait-risk=high"));
    assertThat(recorded).extracting(GateDecision::decision)
        .containsExactly(Decision.ESCALATE, Decision.EXECUTE_AND_NOTIFY);
  }

  @Test
  void onlyEscalatedDecisionsBecomeApprovals() {
    evidence.put("c", evidence("c", 0.61, 500, T0)); // NOTIFY, qualified tier 1: a hold is denied
    var denied = gated.hold("c", "j", 0.99, "x");
    assertThat(denied.decision().decision()).isEqualTo(Decision.DENY);
    assertThatThrownBy(() -> ApprovalRequest.forEscalation(denied.decision(),
        Map.of(ApprovalParameters.REASON, "x"), "planner", "ops", ApprovalRequest.DEFAULT_TTL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decision must be ESCALATE to be approved by a human but was DENY");
  }
}
