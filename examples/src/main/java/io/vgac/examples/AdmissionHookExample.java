package io.vgac.examples;

import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.SchedulerActions;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.Planner;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.PredictionStatus;
import io.vgac.agents.workflow.SubmissionResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents behind an admission-style hook (a Kubernetes mutating webhook, a Slurm {@code job_submit} plugin): a
 * submitted job comes in; the gate's decision and the annotations to put on the job go out.
 *
 * <p>An admission hook can change nothing but the object it admits, so here the scheduler "action" is the patch:
 * {@link PatchCollector} is the {@link SchedulerActions} behind the gate, and collects the annotations the gate let
 * through for the job being admitted. The hook adds the decision itself ({@value #DECISION}, {@value #REASON}):
 * that is a record of what was decided, like the decision log, not an action. So an escalated job carries
 * {@code vgac.io/decision=escalated} and its reason, but not the risk label the gate held back.
 *
 * <p>Run: {@code mvn -q -pl examples -am test -Dtest=AdmissionHookExampleTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class AdmissionHookExample {
  /** The risk label the planner proposes (high, medium or low): the gated action. */
  public static final String WAIT_RISK = "vgac.io/wait-risk";
  /** What the gate decided: executed, executed_and_notified, escalated, denied, or none (nothing proposed). */
  public static final String DECISION = "vgac.io/decision";
  /** Why, in one sentence. */
  public static final String REASON = "vgac.io/reason";
  /** The predicted probability of a long wait (3 decimals), when there was a prediction. */
  public static final String P_LONG_WAIT = "vgac.io/p-long-wait";
  /** The pending approval an escalated action waits in. */
  public static final String APPROVAL_ID = "vgac.io/approval-id";

  private AdmissionHookExample() {}

  /** What the hook receives: the fields of a pod (or a Slurm job description) that matter for its wait. */
  public record SubmittedPod(
      String cluster, String namespace, String name, String queue, int gpus, int cpus, long memoryMib,
      Instant createdAt) {}

  /** What the hook answers: the annotations to add (in a real webhook, a JSON patch of metadata.annotations). */
  public record AdmissionResponse(String namespace, String name, Map<String, String> annotations) {

    public AdmissionResponse {
      annotations = Map.copyOf(annotations);
    }
  }

  /** The hook: one {@link Agents} for all clusters, called once per admitted pod. Thread-safe. */
  public static final class AdmissionHook {
    private final Agents agents;
    private final PatchCollector patches;

    /** The embedded defaults, except that gated annotations go into the patch and the planner only labels. */
    public AdmissionHook(Clock clock) {
      this.patches = new PatchCollector();
      this.agents = Agents.builder().clock(clock).scheduler(patches).planner(RISK_LABEL).build();
    }

    public Agents agents() {
      return agents;
    }

    public AdmissionResponse admit(SubmittedPod pod) {
      // pods are unique by namespace/name within a cluster; that is the job id the agents (and the patch) use
      Job job = new Job(pod.namespace() + "/" + pod.name(), pod.cluster(), pod.namespace(), pod.queue(), pod.gpus(),
          pod.cpus(), pod.memoryMib(), null, 0, pod.createdAt());
      SubmissionResult r = agents.submit(job); // observe → predict → plan → gate → decision log
      Map<String, String> annotations = new LinkedHashMap<>(patches.take(job.clusterId(), job.jobId()));
      if (r.prediction() != null) {
        annotations.put(P_LONG_WAIT, String.format(Locale.ROOT, "%.3f", r.p()));
      }
      if (r.actions().isEmpty()) {
        annotations.put(DECISION, "none");
        annotations.put(REASON, r.predictionStatus() == PredictionStatus.PREDICTED
            ? "p(long wait) reaches no tier cluster " + pod.cluster() + " qualifies for"
            : "no prediction: " + r.predictionStatus());
      } else {
        ActionResult a = r.actions().get(0);
        annotations.put(DECISION, a.decision().wireName());
        annotations.put(REASON, a.outcome().decision().reason());
        if (a.approvalId() != null) {
          annotations.put(APPROVAL_ID, a.approvalId());
        }
      }
      return new AdmissionResponse(pod.namespace(), pod.name(), annotations);
    }
  }

  /**
   * The only planner an admission hook needs: the risk label, proposed when the prediction reaches a tier the
   * cluster qualifies for (annotating is tier 1, so it never exceeds the emitted tier).
   */
  public static final Planner RISK_LABEL = c -> {
    if (c.emittedTier() == 0) {
      return List.of();
    }
    String risk = c.p() >= 0.7 ? "high" : c.p() >= 0.5 ? "medium" : "low";
    return List.of(new PlannedAction(ProposedAction.ANNOTATE,
        Map.of(ApprovalParameters.KEY, WAIT_RISK, ApprovalParameters.VALUE, risk), null,
        String.format(Locale.ROOT, "p(long wait) = %.3f reaches tier %d", c.p(), c.emittedTier())));
  };

  /**
   * The {@link SchedulerActions} of an admission hook: annotations the gate allowed are kept for the pod being
   * admitted, and handed to the response. The other actions cannot be done at admission; the planner above never
   * proposes them, so reaching them is a wiring error.
   */
  static final class PatchCollector implements SchedulerActions {
    private final Map<String, Map<String, String>> byJob = new ConcurrentHashMap<>();

    @Override
    public void annotate(String clusterId, String jobId, String key, String value) {
      byJob.computeIfAbsent(clusterId + " " + jobId, k -> new ConcurrentHashMap<>()).put(key, value);
    }

    /** The annotations collected for {@code jobId}, removed from the collector. */
    Map<String, String> take(String clusterId, String jobId) {
      Map<String, String> a = byJob.remove(clusterId + " " + jobId);
      return a == null ? Map.of() : a;
    }

    @Override
    public void requeue(String clusterId, String jobId, String targetQueue) {
      throw new UnsupportedOperationException("an admission hook cannot requeue");
    }

    @Override
    public void adjustPriority(String clusterId, String jobId, PriorityLevel priority) {
      throw new UnsupportedOperationException("an admission hook cannot change a priority");
    }

    @Override
    public void hold(String clusterId, String jobId, String reason) {
      throw new UnsupportedOperationException("an admission hook cannot hold");
    }
  }

  /**
   * Two equally busy Kubernetes clusters: {@code eks-prod} has a long record of calibrated predictions,
   * {@code eks-new} only {@code learningOutcomes} of them. A training pod is admitted to each, and a small
   * one to an idle third cluster.
   */
  public static List<AdmissionResponse> run(Clock clock, int learningOutcomes) {
    AdmissionHook hook = new AdmissionHook(clock);
    Agents agents = hook.agents();
    Instant now = clock.instant();
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("eks-prod", SchedulerType.KUBERNETES, now));
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.busy("eks-new", SchedulerType.KUBERNETES, now));
    agents.inMemoryTelemetry().orElseThrow().put(ExampleClusters.idle("eks-idle", SchedulerType.KUBERNETES, now));
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "eks-prod", 1000);
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "eks-new", learningOutcomes);
    ExampleClusters.recordCalibratedHistory(agents.trackers(), "eks-idle", 1000);
    return List.of(
        hook.admit(new SubmittedPod("eks-prod", "ml-team", "train-llm-0", "a100", 8, 64, 512_000, now)),
        hook.admit(new SubmittedPod("eks-new", "ml-team", "train-llm-1", "a100", 8, 64, 512_000, now)),
        hook.admit(new SubmittedPod("eks-idle", "ml-team", "notebook-3", "a100", 1, 8, 32_000, now)));
  }

  public static void main(String[] args) {
    for (AdmissionResponse r : run(Clock.systemUTC(), 24)) {
      System.out.println(r.namespace() + "/" + r.name() + ":");
      new TreeMap<>(r.annotations()).forEach((k, v) -> System.out.println("  " + k + "=" + v));
    }
  }
}
