package io.vgac.agents.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.approvals.JobStatus;
import io.vgac.agents.gate.ActionOutcome;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.Outcome;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.PlanningContext;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.AlertKind;
import io.vgac.agents.tools.AlertSeverity;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.tools.InMemoryJobDirectory;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.EnvironmentEvidence;
import io.vgac.calibration.tracker.EnvironmentTracker;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The design's workflow over the SPIs. Build it with {@code Agents.builder()}.
 *
 * <p><b>{@link JobSubmitted}</b>: the Observer reads the cluster state ({@link ClusterTelemetry}; unknown or stale →
 * no prediction) → the Predictor predicts ({@link WaitTimePredictor}) → the cluster's calibration evidence is read
 * ({@link EvidenceSource}; unknown or stale → the gate escalates) → the {@link Planner} proposes → each proposal goes
 * through {@link GatedActions} (the gate decides; the decision is written to the decision log before anything runs)
 * → EXECUTE_AND_NOTIFY posts "Action taken with moderate confidence: …" to the alert sink; ESCALATE queues the action
 * in the {@link ApprovalQueue} and posts an escalation. The job is then pending until it starts.
 *
 * <p><b>{@link JobStarted}</b>: the wait (start − submit) is labelled (1 when longer than the configured threshold,
 * 600 s by default), the prediction's p and the label update the cluster's tracker at the start time, and a scored
 * {@link PredictionRecord} is stored. When the tracker asks for a recalibration (a drift alarm), the Calibrator
 * records a {@link RecalibrationRequest}, marks the cluster's stored calibration as needing one, and alerts once per
 * excursion. It never refits by itself.
 *
 * <p><b>{@link JobFinished}</b>: the job is forgotten (a job cancelled before starting leaves no outcome). A job
 * that never starts or finishes stays pending: send JobFinished for cancelled jobs.
 *
 * <p><b>Warn and suggest</b> are messages to people, not scheduler calls: once the gate allows them they are posted
 * to the alert channel with the job's owner and queue in the alert's context (for an adapter to route). The
 * design's tools name jobs by id only, so the tools' job directory assumes job ids unique across clusters (the
 * latest submission wins); the workflow itself keys jobs by cluster and id.
 *
 * <p><b>Concurrency.</b> Events of different clusters run in parallel on the callers' threads; events of one
 * cluster run one at a time under that cluster's lock, in the order they acquire it (send one cluster's events from
 * one thread, or in order, to keep them in order).
 *
 * <p><b>Adapter failures.</b> A telemetry, predictor, evidence source or planner that throws leaves the job without
 * prediction, evidence or proposals (so nothing runs that the gate did not allow on known evidence); a sink,
 * approval queue, store, decision log or scheduler that throws is logged and reported in the result. None of them
 * ever changes a gate decision.
 */
public final class AgentWorkflow implements JobStatus {
  private static final Logger LOG = LoggerFactory.getLogger(AgentWorkflow.class);

  private final ClusterTelemetry telemetry;
  private final WaitTimePredictor predictor;
  private final Planner planner;
  private final EnvironmentTrackers trackers;
  private final EvidenceSource evidence;
  private final GatedActions gated;
  private final Notifier sink;
  private final ApprovalQueue approvals;
  private final CalibrationStore store;
  private final TierPolicy tierPolicy;
  private final WorkflowConfig config;
  private final Clock clock;
  private final InMemoryJobDirectory directory;
  private final WorkflowListener listener;
  private final IntervalController intervals;

  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<JobKey, PendingJob> pending = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> inExcursion = new ConcurrentHashMap<>();
  private final List<RecalibrationRequest> recalibrations = new CopyOnWriteArrayList<>();

  private record JobKey(String clusterId, String jobId) {}

  private record PendingJob(Job job, @Nullable WaitPrediction prediction, Instant predictedAt) {}

  /** Wires the workflow; every argument is required (see {@code Agents.builder()} for the defaults). */
  public AgentWorkflow(
      ClusterTelemetry telemetry,
      WaitTimePredictor predictor,
      Planner planner,
      EnvironmentTrackers trackers,
      EvidenceSource evidence,
      GatedActions gated,
      Notifier sink,
      ApprovalQueue approvals,
      CalibrationStore store,
      TierPolicy tierPolicy,
      WorkflowConfig config,
      Clock clock,
      InMemoryJobDirectory directory) {
    this(telemetry, predictor, planner, trackers, evidence, gated, sink, approvals, store, tierPolicy, config, clock,
        directory, WorkflowListener.NONE);
  }

  /**
   * Wires the workflow with a {@link WorkflowListener}, told of each submission, start and recalibration request
   * (guarded: its failures are logged and dropped). Gate decisions reach a listener through the recorder of
   * {@code gated} ({@link WorkflowListener#recorder}), not through this class.
   */
  public AgentWorkflow(
      ClusterTelemetry telemetry,
      WaitTimePredictor predictor,
      Planner planner,
      EnvironmentTrackers trackers,
      EvidenceSource evidence,
      GatedActions gated,
      Notifier sink,
      ApprovalQueue approvals,
      CalibrationStore store,
      TierPolicy tierPolicy,
      WorkflowConfig config,
      Clock clock,
      InMemoryJobDirectory directory,
      WorkflowListener listener) {
    this(telemetry, predictor, planner, trackers, evidence, gated, sink, approvals, store, tierPolicy, config, clock,
        directory, listener, IntervalController.ofDefaults());
  }

  /**
   * Wires the workflow with the {@link IntervalController} that gives each predicted job its wait interval at
   * submission (replacing the predictor's static one and its point estimate by the environment's band and median
   * once the band is ready) and scores it when the
   * job starts. Its failures never change a prediction's probability, a plan or a decision.
   */
  public AgentWorkflow(
      ClusterTelemetry telemetry,
      WaitTimePredictor predictor,
      Planner planner,
      EnvironmentTrackers trackers,
      EvidenceSource evidence,
      GatedActions gated,
      Notifier sink,
      ApprovalQueue approvals,
      CalibrationStore store,
      TierPolicy tierPolicy,
      WorkflowConfig config,
      Clock clock,
      InMemoryJobDirectory directory,
      WorkflowListener listener,
      IntervalController intervals) {
    this.intervals = intervals;
    this.telemetry = telemetry;
    this.predictor = predictor;
    this.planner = planner;
    this.trackers = trackers;
    this.evidence = evidence;
    this.gated = gated;
    this.sink = sink;
    this.approvals = approvals;
    this.store = store;
    this.tierPolicy = tierPolicy;
    this.config = config;
    this.clock = clock;
    this.directory = directory;
    this.listener = WorkflowListener.guarded(listener);
  }

  public WorkflowConfig config() {
    return config;
  }

  /** The per-environment wait-interval controller. */
  public IntervalController intervals() {
    return intervals;
  }

  /** Processes any event; returns its result ({@link SubmissionResult}, {@link StartResult} or a Boolean). */
  public Object handle(WorkflowEvent event) {
    if (event instanceof JobSubmitted s) {
      return onSubmitted(s);
    }
    if (event instanceof JobStarted s) {
      return onStarted(s);
    }
    return onFinished((JobFinished) event);
  }

  /** A job was submitted: observe, predict, plan, gate, log, notify or escalate. */
  public SubmissionResult onSubmitted(JobSubmitted event) {
    Job job = event.job();
    ReentrantLock lock = lock(job.clusterId());
    lock.lock();
    try {
      SubmissionResult result = submitted(job);
      listener.onSubmission(result);
      return result;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A job started: score its prediction and update the tracker.
   *
   * @throws IllegalArgumentException when the start is before the job's submission (nothing is changed)
   */
  public StartResult onStarted(JobStarted event) {
    ReentrantLock lock = lock(event.clusterId());
    lock.lock();
    try {
      StartResult result = started(event);
      listener.onStart(result);
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** A job finished or was cancelled: forget it. Returns whether it was still pending. */
  public boolean onFinished(JobFinished event) {
    ReentrantLock lock = lock(event.clusterId());
    lock.lock();
    try {
      directory.remove(event.jobId());
      return pending.remove(new JobKey(event.clusterId(), event.jobId())) != null;
    } finally {
      lock.unlock();
    }
  }

  /** True while {@code jobId} was submitted to {@code envId} and has neither started nor finished. */
  @Override
  public boolean isPending(String envId, String jobId) {
    return pending.containsKey(new JobKey(envId, jobId));
  }

  /** The pending job {@code jobId} of {@code clusterId}. */
  public Optional<Job> pendingJob(String clusterId, String jobId) {
    PendingJob p = pending.get(new JobKey(clusterId, jobId));
    return p == null ? Optional.empty() : Optional.of(p.job());
  }

  /** Jobs submitted and not yet started or finished. */
  public int pendingCount() {
    return pending.size();
  }

  /** The recalibrations requested so far, oldest first. */
  public List<RecalibrationRequest> recalibrationRequests() {
    return List.copyOf(recalibrations);
  }

  private ReentrantLock lock(String clusterId) {
    return locks.computeIfAbsent(clusterId, k -> new ReentrantLock());
  }

  // ---------------------------------------------------------------- submitted

  private SubmissionResult submitted(Job job) {
    String env = job.clusterId();
    Instant now = clock.instant();
    ClusterState state = null;
    WaitPrediction prediction = null;
    PredictionStatus status;
    try {
      state = telemetry.clusterState(env).orElse(null);
      status = state == null ? PredictionStatus.NO_CLUSTER_STATE : PredictionStatus.PREDICTED;
    } catch (RuntimeException e) {
      LOG.warn("Telemetry failed for cluster {}; no prediction for job {}", env, job.jobId(), e);
      status = PredictionStatus.TELEMETRY_FAILED;
    }
    if (state != null) {
      try {
        prediction = predictor.predict(job, state);
        if (!prediction.jobId().equals(job.jobId())) {
          LOG.warn("Predictor answered for job {} instead of {}; prediction dropped", prediction.jobId(), job.jobId());
          prediction = null;
          status = PredictionStatus.PREDICTOR_FAILED;
        }
      } catch (RuntimeException e) {
        LOG.warn("Predictor failed for job {} in cluster {}", job.jobId(), env, e);
        status = PredictionStatus.PREDICTOR_FAILED;
      }
    }
    if (prediction != null) {
      try {
        intervals.issue(env, job.jobId(), prediction.estimatedWait().toNanos() / 1e9, now);
        prediction = intervals.issued(env, prediction); // the environment's median and band, the model's p
      } catch (RuntimeException e) {
        LOG.warn("Interval controller failed for job {} in cluster {}; the predictor's interval stands", job.jobId(),
            env, e);
      }
    }
    CalibrationEvidence ev = null;
    try {
      ev = evidence.evidence(env);
    } catch (RuntimeException e) {
      LOG.warn("Evidence source failed for cluster {}; planning without evidence", env, e);
    }
    double p = prediction == null ? Double.NaN : prediction.probabilityLongWait();
    pending.put(new JobKey(env, job.jobId()), new PendingJob(job, prediction, now));
    directory.put(job.jobId(), env, p);

    PlanningContext context = new PlanningContext(job, state, prediction, ev, tierPolicy);
    List<PlannedAction> plan;
    String plannerError = null;
    try {
      plan = List.copyOf(planner.propose(context));
    } catch (RuntimeException e) {
      LOG.warn("Planner failed for job {} in cluster {}; nothing proposed", job.jobId(), env, e);
      plan = List.of();
      plannerError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    List<ActionResult> results = new ArrayList<>(plan.size());
    for (PlannedAction a : plan) {
      results.add(act(job, p, a));
    }
    return new SubmissionResult(env, job.jobId(), status, prediction, ev, context.emittedTier(), plannerError,
        results);
  }

  /** Runs one planned action through the gate, then notifies or escalates as decided. */
  private ActionResult act(Job job, double p, PlannedAction a) {
    String env = job.clusterId();
    String id = job.jobId();
    Map<String, String> x = a.parameters();
    StringBuilder errors = new StringBuilder();
    GatedActions gated = a.planner() == null ? this.gated : this.gated.withPlanner(a.planner());
    ActionOutcome outcome;
    switch (a.action()) {
      case ANNOTATE:
        outcome = gated.annotate(env, id, p, x.get(ApprovalParameters.KEY), x.get(ApprovalParameters.VALUE));
        break;
      case WARN:
        outcome = gated.warn(env, id, p, () -> sink.deliver(toOwner(job, a,
            x.getOrDefault(RuleBasedPlanner.MESSAGE, "Job " + id + " is likely to wait long"))));
        break;
      case SUGGEST_RESCHEDULE:
        outcome = gated.suggestReschedule(env, id, p, () -> sink.deliver(toOwner(job, a,
            x.getOrDefault(RuleBasedPlanner.MESSAGE, "Consider rescheduling job " + id))));
        break;
      case HOLD:
        outcome = gated.hold(env, id, p, x.get(ApprovalParameters.REASON));
        break;
      case REQUEUE:
        outcome = gated.requeue(env, id, p, x.get(ApprovalParameters.TARGET_QUEUE));
        break;
      case ADJUST_PRIORITY:
        outcome = gated.adjustPriority(env, id, p,
            PriorityLevel.valueOf(x.get(ApprovalParameters.PRIORITY).toUpperCase(Locale.ROOT)));
        break;
      default:
        throw new AssertionError(a.action());
    }
    if (outcome.failed()) {
      errors.append("action: ").append(outcome.executionError());
    }
    GateDecision d = outcome.decision();
    boolean notified = false;
    String approvalId = null;
    if (d.decision() == Decision.EXECUTE_AND_NOTIFY && outcome.executed()) {
      notified = deliver(Alert.message(config.alertChannel(), "Action taken with moderate confidence: "
          + describe(d, a)), errors);
    } else if (d.decision() == Decision.ESCALATE) {
      ApprovalRequest request = null;
      try {
        request = ApprovalRequest.forEscalation(d, a.parameters(), config.requestedBy(), config.requestedFor(),
            config.approvalTtl());
        approvalId = approvals.submit(request);
      } catch (RuntimeException e) {
        LOG.warn("Approval queue failed for {} of job {}; the decision stands (escalated)", d.action().wireName(), id,
            e);
        append(errors, "approval queue: " + e);
      }
      notified = deliver(Alert.escalation(config.alertChannel(), d.reason(), escalationContext(d, a, approvalId,
          request == null ? ApprovalRequest.summarize(d.evidence()) : request.evidenceSummary())),
          errors);
    }
    return new ActionResult(a, outcome, notified, approvalId, errors.toString());
  }

  /**
   * A warn or suggest message: posted to the alert channel, with the job's owner (namespace or user) and queue in the
   * context so that a chat adapter can route it to them.
   */
  private Alert toOwner(Job job, PlannedAction a, String text) {
    ObjectNode c = AgentsJson.mapper().createObjectNode();
    c.put("job_id", job.jobId());
    c.put("cluster_id", job.clusterId());
    c.put("owner", job.namespace());
    c.put("queue", job.queue());
    c.put("action", a.action().wireName());
    return new Alert(AlertKind.MESSAGE, config.alertChannel(), AlertSeverity.INFO, text, c);
  }

  private static String describe(GateDecision d, PlannedAction a) {
    return d.action().wireName() + " job " + d.jobId() + " (cluster " + d.envId() + ")"
        + (a.parameters().isEmpty() ? "" : " " + a.parameters());
  }

  private static ObjectNode escalationContext(
      GateDecision d, PlannedAction a, @Nullable String approvalId, String evidenceSummary) {
    ObjectNode c = AgentsJson.mapper().createObjectNode();
    c.put("job_id", d.jobId());
    c.put("cluster_id", d.envId());
    c.put("action", d.action().wireName());
    c.put("tier", d.tier());
    if (a.actorTool() != null) {
      c.put("actor_tool", a.actorTool());
    }
    if (!Double.isNaN(d.request().p())) {
      c.put("p", d.request().p());
    }
    c.put("evidence", evidenceSummary);
    if (approvalId != null) {
      c.put("approval_id", approvalId);
    }
    return c;
  }

  private boolean deliver(Alert alert, StringBuilder errors) {
    try {
      sink.deliver(alert);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Alert sink failed to deliver a {} to {}; the decision stands", alert.kind(), alert.channel(), e);
      append(errors, "alert sink: " + e);
      return false;
    }
  }

  private static void append(StringBuilder errors, String error) {
    if (errors.length() > 0) {
      errors.append("; ");
    }
    errors.append(error);
  }

  // ---------------------------------------------------------------- started

  private StartResult started(JobStarted event) {
    String env = event.clusterId();
    JobKey key = new JobKey(env, event.jobId());
    PendingJob pj = pending.get(key);
    if (pj == null) {
      return new StartResult(env, event.jobId(), StartStatus.UNKNOWN_JOB, null, Double.NaN, false);
    }
    Duration wait = Duration.between(pj.job().submitTime(), event.startTime());
    if (wait.isNegative()) {
      throw new IllegalArgumentException("startTime must not be before the job's submit time ("
          + pj.job().submitTime() + ") but was " + event.startTime() + " for job " + event.jobId());
    }
    pending.remove(key);
    directory.remove(event.jobId());
    Outcome outcome = new Outcome(event.jobId(), wait, config.label(wait));
    WaitPrediction w = pj.prediction();
    if (w == null) {
      return new StartResult(env, event.jobId(), StartStatus.NO_PREDICTION, outcome, Double.NaN, false);
    }
    double p = w.probabilityLongWait();
    trackers.update(env, p, outcome.label(), event.startTime().toEpochMilli());
    try {
      intervals.outcome(env, event.jobId(), wait.toNanos() / 1e9, event.startTime()); // late label: now known
    } catch (RuntimeException e) {
      LOG.warn("Interval controller failed to score job {} in {}", event.jobId(), env, e);
    }
    try {
      store.appendPrediction(PredictionRecord.scored(env, pj.predictedAt(), event.jobId(), minutes(w.estimatedWait()),
          minutes(wait), w.confidence()));
    } catch (RuntimeException e) {
      LOG.warn("Calibration store failed to keep the prediction of job {} in {}", event.jobId(), env, e);
    }
    boolean requested = checkRecalibration(env);
    return new StartResult(env, event.jobId(), StartStatus.RECORDED, outcome, p, requested);
  }

  /** Requests a recalibration once per drift excursion (DRIFTING: a drift alarm with no recalibration since). */
  private boolean checkRecalibration(String env) {
    boolean drifting = trackers.tracker(env).machineState() == TrackerState.DRIFTING;
    if (!drifting) {
      inExcursion.remove(env);
      return false;
    }
    if (inExcursion.putIfAbsent(env, Boolean.TRUE) != null) {
      return false;
    }
    // The O(1) evidence, not state(): state() runs a bootstrap and a noise floor (milliseconds), and a replay meets
    // thousands of excursions. The fields used here are the same in both.
    EnvironmentTracker tracker = trackers.tracker(env);
    EnvironmentEvidence s = tracker.evidence();
    double baseline = tracker.baselineEce();
    String reason = String.format(Locale.ROOT,
        "Calibration drift in cluster %s (window ECE %.3f, %s): recalibration required; autonomy reduced to %s until"
            + " a recalibration is recorded", env, s.windowEce(),
        s.drift() == null ? "ratio not assessed" : s.drift() + " ratio "
            + String.format(Locale.ROOT, "%.1f", s.windowEce() / baseline), s.scope());
    RecalibrationRequest request = new RecalibrationRequest(env, clock.instant(), s.sampleCount(), reason);
    recalibrations.add(request);
    listener.onRecalibrationRequest(request);
    LOG.warn(reason);
    deliver(Alert.alert(config.alertChannel(), AlertSeverity.WARNING, reason), new StringBuilder());
    try {
      Optional<CalibrationRecord> old = store.calibration(env);
      double score = Double.isNaN(s.calibrationScore()) ? 0 : s.calibrationScore();
      store.putCalibration(new CalibrationRecord(env, old.map(CalibrationRecord::platform).orElse("unknown"),
          unitOrNaN(s.windowEce()), old.map(CalibrationRecord::lastKnownGoodEce).orElse(unitOrNaN(baseline)),
          score, s.sampleCount(), true, s.learning(), clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("Calibration store failed to record the recalibration request of {}", env, e);
    }
    return true;
  }

  private static double unitOrNaN(double v) {
    return v >= 0 && v <= 1 ? v : Double.NaN;
  }

  private static double minutes(Duration d) {
    return d.toNanos() / 60e9;
  }
}
