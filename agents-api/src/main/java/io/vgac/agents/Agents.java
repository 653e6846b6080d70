package io.vgac.agents;

import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovedActionExecutor;
import io.vgac.agents.approvals.InMemoryApprovalQueue;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GateConfig;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.agents.log.DecisionLog;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.CachingClusterTelemetry;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.InMemoryCalibrationStore;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.spi.WaitRegressionModel;
import io.vgac.agents.tools.AgentTools;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.tools.CachedProfiles;
import io.vgac.agents.tools.EnvironmentObserver;
import io.vgac.agents.tools.EnvironmentProfileLearner;
import io.vgac.agents.tools.EnvironmentProfiles;
import io.vgac.agents.tools.InMemoryJobDirectory;
import io.vgac.agents.tools.ObserverTools;
import io.vgac.agents.tools.TelemetryPredictionFunction;
import io.vgac.agents.tools.ToolRegistry;
import io.vgac.agents.workflow.AgentWorkflow;
import io.vgac.agents.workflow.JobFinished;
import io.vgac.agents.workflow.JobStarted;
import io.vgac.agents.workflow.JobSubmitted;
import io.vgac.agents.workflow.OrderedDispatcher;
import io.vgac.agents.workflow.StartResult;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.agents.workflow.TrackerEvidence;
import io.vgac.agents.workflow.WorkflowConfig;
import io.vgac.agents.workflow.WorkflowListener;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The four agents wired over their SPIs: the {@link AgentWorkflow}, the fifteen-tool {@link ToolRegistry} (less
 * {@code tool_detect_anomaly}, which has no detector yet), the gate, the decision log and the approvals.
 *
 * <pre>{@code
 * Agents agents = Agents.builder().build();          // every embedded default, no network
 * agents.inMemoryTelemetry().orElseThrow().put(clusterState);
 * SubmissionResult r = agents.submit(job);           // observe → predict → plan → gate → log
 * agents.start(job.clusterId(), job.jobId(), startTime);  // the outcome updates the calibration
 * }</pre>
 *
 * <table>
 *   <caption>Defaults (each replaceable on the builder)</caption>
 *   <tr><th>SPI</th><th>default</th></tr>
 *   <tr><td>{@link ClusterTelemetry}</td><td>{@link InMemoryClusterTelemetry}, behind {@link CachingClusterTelemetry}
 *       (TTL 10 s; states older than 5 min are unknown)</td></tr>
 *   <tr><td>{@link WaitTimePredictor}</td><td>{@link LogisticWaitPredictor#ofDefaults()} (trained by
 *       trace-lab on the public KTH-SP2 trace)</td></tr>
 *   <tr><td>{@link Planner}</td><td>{@link RuleBasedPlanner}</td></tr>
 *   <tr><td>{@link SchedulerActions}</td><td>{@link RecordingSchedulerActions} (dry run)</td></tr>
 *   <tr><td>{@link Notifier}</td><td>{@link Notifier#logging()} (SLF4J)</td></tr>
 *   <tr><td>{@link ApprovalQueue}</td><td>{@link InMemoryApprovalQueue}</td></tr>
 *   <tr><td>{@link CalibrationStore}</td><td>{@link InMemoryCalibrationStore}</td></tr>
 *   <tr><td>{@link DecisionLog}</td><td>{@link InMemoryDecisionLog}</td></tr>
 *   <tr><td>{@link EnvironmentTrackers}</td><td>default {@link TrackerConfig}, timed by the clock</td></tr>
 *   <tr><td>{@link EvidenceSource}</td><td>{@link TrackerEvidence}: each tracker's O(1) evidence, read per job</td></tr>
 *   <tr><td>{@link Clock}</td><td>system clock, UTC</td></tr>
 *   <tr><td>{@link WorkflowListener}</td><td>{@link WorkflowListener#NONE} (metrics adapters plug in here; guarded,
 *       so it never changes a decision)</td></tr>
 * </table>
 *
 * The in-memory defaults keep everything for the life of the object (decision log, stored predictions): for long
 * runs replace the log with a {@link io.vgac.agents.log.FileDecisionLog} and the store with a
 * {@link io.vgac.agents.store.FileCalibrationStore}.
 */
public final class Agents {
  private final Clock clock;
  private final @Nullable InMemoryClusterTelemetry inMemoryTelemetry;
  private final ClusterTelemetry telemetry;
  private final EnvironmentTrackers trackers;
  private final ActionGate gate;
  private final GatedActions gated;
  private final SchedulerActions scheduler;
  private final DecisionLog decisionLog;
  private final ApprovalQueue approvals;
  private final CalibrationStore store;
  private final Notifier notifier;
  private final AgentWorkflow workflow;
  private final ToolRegistry tools;
  private final ApprovedActionExecutor approvedActions;
  private final EnvironmentProfileLearner profileLearner;
  private final EnvironmentObserver observer;
  private final IntervalController intervals;

  private Agents(Builder b) {
    clock = b.clock;
    Clock c = clock;
    trackers = b.trackers != null ? b.trackers
        : new EnvironmentTrackers(b.trackerConfig, c::millis, TrackerListener.NONE);
    if (b.telemetry == null) {
      inMemoryTelemetry = new InMemoryClusterTelemetry(clock);
    } else {
      inMemoryTelemetry = b.telemetry instanceof InMemoryClusterTelemetry m ? m : null;
    }
    ClusterTelemetry raw = b.telemetry != null ? b.telemetry : inMemoryTelemetry;
    telemetry = CachingClusterTelemetry.builder(raw).ttl(b.telemetryTtl).maxAge(b.telemetryMaxAge).clock(clock)
        .build();
    scheduler = b.scheduler != null ? b.scheduler : new RecordingSchedulerActions();
    decisionLog = b.decisionLog != null ? b.decisionLog : new InMemoryDecisionLog();
    approvals = b.approvals != null ? b.approvals : new InMemoryApprovalQueue(clock);
    store = b.store != null ? b.store : new InMemoryCalibrationStore(clock);
    notifier = b.notifier;
    intervals = b.intervals != null ? b.intervals : defaultIntervals(b.predictor);
    EvidenceSource evidence = b.evidence != null ? b.evidence
        : new TrackerEvidence(trackers, clock, b.evidenceRefresh, intervals);
    gate = new ActionGate(b.gateConfig, clock);
    gated = new GatedActions(gate, evidence, scheduler, WorkflowListener.recorder(decisionLog, b.listener));
    InMemoryJobDirectory directory = new InMemoryJobDirectory();
    // a planner built from the tools (an LLM's tool loop) is resolved once they exist, before any job is planned
    AtomicReference<Planner> toolPlanner = new AtomicReference<>(b.planner);
    Planner planner = b.plannerFactory == null ? b.planner : context -> toolPlanner.get().propose(context);
    workflow = new AgentWorkflow(telemetry, b.predictor, planner, trackers, evidence, gated, notifier, approvals,
        store, b.gateConfig.tierPolicy(), b.workflowConfig, clock, directory, b.listener, intervals);
    profileLearner = new EnvironmentProfileLearner(clock);
    this.observer = EnvironmentObserver.ofDefaults();
    ObserverTools observer = new ObserverTools(telemetry, this.observer);
    tools = AgentTools.builder(trackers)
        .profiles(new EnvironmentProfiles(clock))
        .learnedProfiles(CachedProfiles.ofDefaults(profileLearner::profile, clock))
        .actions(gated, directory)
        .notifier(notifier)
        .alertChannel(b.workflowConfig.alertChannel())
        .clusterState(observer::clusterState)
        .queueDepth(observer::queueDepth)
        .anomalyDetection(observer::detectAnomaly)
        .predictor(new TelemetryPredictionFunction(workflow::pendingJob, telemetry, b.predictor))
        .intervals(intervals)
        .build();
    approvedActions = new ApprovedActionExecutor(workflow, gated);
    if (b.plannerFactory != null) {
      toolPlanner.set(Objects.requireNonNull(b.plannerFactory.apply(tools), "the planner factory returned null"));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default interval controller: seeded with the residuals {@code ±r} of the model file's static conformal
   * radius when the predictor is a {@link LogisticWaitPredictor} with a wait regression (a new environment then
   * starts from the static interval), else unseeded.
   */
  static IntervalController defaultIntervals(WaitTimePredictor predictor) {
    if (predictor instanceof LogisticWaitPredictor lp && lp.model().waitRegression() != null) {
      WaitRegressionModel r = lp.model().waitRegression();
      return new IntervalController(IntervalControllerConfig.builder().coverage(r.intervalCoverage()).build(),
          new double[] {-r.intervalRadius(), r.intervalRadius()});
    }
    return IntervalController.ofDefaults();
  }

  /** The per-environment wait-interval controller (realised coverage per environment). */
  public IntervalController intervals() {
    return intervals;
  }

  /** Every default (see the class comment). */
  public static Agents ofDefaults() {
    return builder().build();
  }

  /** A job was submitted: see {@link AgentWorkflow#onSubmitted}. */
  public SubmissionResult submit(Job job) {
    SubmissionResult r = workflow.onSubmitted(new JobSubmitted(job));
    learn(() -> {
      profileLearner.jobSubmitted(job.clusterId(), job.jobId(), job.submitTime());
      telemetry.clusterState(job.clusterId()).ifPresent(profileLearner::observe);
    });
    return r;
  }

  /** Profile learning never changes what the workflow decided: a failure is logged and dropped. */
  private static void learn(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(Agents.class).warn("Profile learning failed; the decision stands", e);
    }
  }

  /** A job started: see {@link AgentWorkflow#onStarted}. */
  public StartResult start(String clusterId, String jobId, Instant startTime) {
    StartResult r = workflow.onStarted(new JobStarted(clusterId, jobId, startTime));
    learn(() -> profileLearner.jobStarted(clusterId, jobId, startTime));
    return r;
  }

  /** The learned environment profiles, fed by {@link #submit} and {@link #start}. */
  public EnvironmentProfileLearner profileLearner() {
    return profileLearner;
  }

  /** The observer's learned metric profiles behind {@code tool_detect_anomaly}. */
  public EnvironmentObserver observer() {
    return observer;
  }

  /** A job finished or was cancelled: see {@link AgentWorkflow#onFinished}. */
  public boolean finish(String clusterId, String jobId, Instant finishTime) {
    return workflow.onFinished(new JobFinished(clusterId, jobId, finishTime));
  }

  public AgentWorkflow workflow() {
    return workflow;
  }

  /** An asynchronous front of the workflow that keeps each cluster's events in dispatch order. */
  public OrderedDispatcher dispatcher(Executor executor) {
    return new OrderedDispatcher(workflow, executor);
  }

  /** The registered tools (fourteen: {@code tool_detect_anomaly} has no detector yet). */
  public ToolRegistry tools() {
    return tools;
  }

  /** The telemetry as the agents see it (behind the cache, stale states unknown). */
  public ClusterTelemetry telemetry() {
    return telemetry;
  }

  /** The in-memory telemetry to put states into, when it is the default (or one was given). */
  public Optional<InMemoryClusterTelemetry> inMemoryTelemetry() {
    return Optional.ofNullable(inMemoryTelemetry);
  }

  public EnvironmentTrackers trackers() {
    return trackers;
  }

  public ActionGate gate() {
    return gate;
  }

  /** The only path to the scheduler. */
  public GatedActions gatedActions() {
    return gated;
  }

  public SchedulerActions scheduler() {
    return scheduler;
  }

  public DecisionLog decisionLog() {
    return decisionLog;
  }

  public ApprovalQueue approvals() {
    return approvals;
  }

  /** Executes approved actions through the gate, if the job is still pending in the workflow. */
  public ApprovedActionExecutor approvedActions() {
    return approvedActions;
  }

  public CalibrationStore store() {
    return store;
  }

  public Notifier notifier() {
    return notifier;
  }

  public Clock clock() {
    return clock;
  }

  /** Collects the SPIs; every setter is optional and replaces one default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private @Nullable ClusterTelemetry telemetry;
    private Duration telemetryTtl = CachingClusterTelemetry.DEFAULT_TTL;
    private Duration telemetryMaxAge = CachingClusterTelemetry.DEFAULT_MAX_AGE;
    private WaitTimePredictor predictor = LogisticWaitPredictor.ofDefaults();
    private Planner planner = RuleBasedPlanner.instance();
    private @Nullable Function<ToolRegistry, Planner> plannerFactory;
    private @Nullable SchedulerActions scheduler;
    private Notifier notifier = Notifier.logging();
    private @Nullable ApprovalQueue approvals;
    private @Nullable CalibrationStore store;
    private @Nullable DecisionLog decisionLog;
    private @Nullable EnvironmentTrackers trackers;
    private TrackerConfig trackerConfig = TrackerConfig.ofDefaults();
    private @Nullable EvidenceSource evidence;
    private Duration evidenceRefresh = TrackerEvidence.DEFAULT_REFRESH;
    private @Nullable IntervalController intervals;
    private GateConfig gateConfig = GateConfig.ofDefaults();
    private WorkflowConfig workflowConfig = WorkflowConfig.ofDefaults();
    private WorkflowListener listener = WorkflowListener.NONE;

    private Builder() {}

    /** The clock of the gate, the trackers (unless given), the caches, the queue and the store (unless given). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The cluster telemetry (it is put behind the TTL cache). */
    public Builder telemetry(ClusterTelemetry telemetry) {
      this.telemetry = telemetry;
      return this;
    }

    /** How long telemetry answers are reused (default 10 s; 0: never). */
    public Builder telemetryTtl(Duration ttl) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("telemetryTtl must be ≥ 0 but was " + ttl);
      }
      this.telemetryTtl = ttl;
      return this;
    }

    /** Cluster states older than this are unknown (default 5 min). */
    public Builder telemetryMaxAge(Duration maxAge) {
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("telemetryMaxAge must be > 0 but was " + maxAge);
      }
      this.telemetryMaxAge = maxAge;
      return this;
    }

    public Builder predictor(WaitTimePredictor predictor) {
      this.predictor = predictor;
      return this;
    }

    public Builder planner(Planner planner) {
      this.planner = planner;
      this.plannerFactory = null;
      return this;
    }

    /**
     * A planner that calls the agents' own tools (a language model's tool loop, such as the Bedrock planner):
     * {@code factory} receives this instance's {@link ToolRegistry} — scheduler tools gated — once it is built, and
     * its planner replaces {@link #planner(Planner)}.
     */
    public Builder plannerUsingTools(Function<ToolRegistry, Planner> factory) {
      this.plannerFactory = factory;
      return this;
    }

    /** The scheduler behind the gate (default: the dry-run {@link RecordingSchedulerActions}). */
    public Builder scheduler(SchedulerActions scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    public Builder notifier(Notifier notifier) {
      this.notifier = notifier;
      return this;
    }

    public Builder approvals(ApprovalQueue queue) {
      this.approvals = queue;
      return this;
    }

    public Builder store(CalibrationStore store) {
      this.store = store;
      return this;
    }

    public Builder decisionLog(DecisionLog log) {
      this.decisionLog = log;
      return this;
    }

    /** The tracker fleet (its configuration and clock are then its own; {@link #trackerConfig} is ignored). */
    public Builder trackers(EnvironmentTrackers trackers) {
      this.trackers = trackers;
      return this;
    }

    /** The configuration of the default tracker fleet. */
    public Builder trackerConfig(TrackerConfig config) {
      this.trackerConfig = config;
      return this;
    }

    /**
     * The wait-interval controller (default: seeded from the predictor's model file when it has a wait regression,
     * see {@link #defaultIntervals}).
     */
    public Builder intervals(IntervalController controller) {
      this.intervals = Objects.requireNonNull(controller, "intervals");
      return this;
    }

    /** Where the gate and the planner read calibration evidence (default: {@link TrackerEvidence}). */
    public Builder evidence(EvidenceSource evidence) {
      this.evidence = evidence;
      return this;
    }

    /**
     * How long the default evidence source reuses a bootstrap upper-bound tier in UPPER_BOUND qualification mode
     * (default 1 s; 0: recompute whenever the window changed). Everything else is read live per job.
     */
    public Builder evidenceRefresh(Duration refresh) {
      if (refresh.isNegative()) {
        throw new IllegalArgumentException("evidenceRefresh must be ≥ 0 but was " + refresh);
      }
      this.evidenceRefresh = refresh;
      return this;
    }

    public Builder gateConfig(GateConfig config) {
      this.gateConfig = config;
      return this;
    }

    public Builder workflowConfig(WorkflowConfig config) {
      this.workflowConfig = config;
      return this;
    }

    /**
     * Told of every gate decision (workflow, tools and approved actions), submission, start and recalibration
     * request, after the fact; guarded ({@link WorkflowListener#guarded}): it cannot change a decision.
     */
    public Builder listener(WorkflowListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the built-in predictor's long-wait threshold differs from the workflow's
     *     (its probabilities would be scored against another label)
     */
    public Agents build() {
      if (predictor instanceof LogisticWaitPredictor l
          && !l.model().longWaitThreshold().equals(workflowConfig.longWaitThreshold())) {
        throw new IllegalArgumentException("workflowConfig.longWaitThreshold must equal the wait model's "
            + "long_wait_threshold_seconds (" + l.model().longWaitThreshold().toSeconds() + " s) but was "
            + workflowConfig.longWaitThreshold().toSeconds() + " s");
      }
      return new Agents(this);
    }
  }
}
