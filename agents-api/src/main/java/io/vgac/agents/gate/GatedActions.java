package io.vgac.agents.gate;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only path to {@link SchedulerActions}: each method asks the {@link ActionGate} first and calls the scheduler
 * only after an EXECUTE or EXECUTE_AND_NOTIFY decision.
 *
 * <p>Order per call: get the evidence (a failing source escalates), decide, record the decision (before acting, so
 * a crash while acting still leaves the decision on record), then act. A recorder or scheduler that throws is
 * logged and dropped: it never changes the decision, and the scheduler's failure is reported in the
 * {@link ActionOutcome}. (Notifying a human after EXECUTE_AND_NOTIFY, and escalation to a human, belong to the
 * notifier and approval queue, which are not part of this class.)
 *
 * <p>{@link #withApproval} gives the view through which one human-approved action runs: the same gate, evidence,
 * scheduler and recorder, deciding with the approval as an explicit gate input (see {@link ActionGate}).
 */
public final class GatedActions {
  private static final Logger LOG = LoggerFactory.getLogger(GatedActions.class);

  private final ActionGate gate;
  private final EvidenceSource evidence;
  private final SchedulerActions scheduler;
  private final DecisionRecorder recorder;
  private final @Nullable HumanApproval approval;
  private final @Nullable String planner;

  public GatedActions(ActionGate gate, EvidenceSource evidence, SchedulerActions scheduler, DecisionRecorder recorder) {
    this(gate, evidence, scheduler, recorder, null, null);
  }

  private GatedActions(
      ActionGate gate,
      EvidenceSource evidence,
      SchedulerActions scheduler,
      DecisionRecorder recorder,
      @Nullable HumanApproval approval,
      @Nullable String planner) {
    this.gate = gate;
    this.evidence = evidence;
    this.scheduler = scheduler;
    this.recorder = recorder;
    this.approval = approval;
    this.planner = planner;
  }

  /**
   * The same gated path for the one action {@code approval} covers: its calls are decided with
   * {@link ActionGate#decide(ActionRequest, CalibrationEvidence, HumanApproval)}, which may still escalate or deny.
   * A call for any other environment, job or action throws IllegalArgumentException and executes nothing.
   */
  public GatedActions withApproval(HumanApproval approval) {
    return new GatedActions(gate, evidence, scheduler, recorder, approval, planner);
  }

  /**
   * The same gated path, stating who proposed its requests ({@link ActionRequest#planner()}, written to the decision
   * log). It changes no decision: the gate does not read it.
   *
   * @throws IllegalArgumentException when {@code planner} is blank
   */
  public GatedActions withPlanner(String planner) {
    if (planner.isBlank()) {
      throw new IllegalArgumentException("planner must not be blank but was '" + planner + "'");
    }
    return new GatedActions(gate, evidence, scheduler, recorder, approval, planner);
  }

  /** Tier 1: label the job {@code key = value}. */
  public ActionOutcome annotate(String envId, String jobId, double p, String key, String value) {
    return run(new ActionRequest(envId, jobId, ProposedAction.ANNOTATE, p, planner),
        s -> s.annotate(envId, jobId, key, value));
  }

  /**
   * Tier 2: warn the job's owner. {@code deliver} (which sends the message) runs only after an executing decision,
   * exactly like a scheduler call; if it throws, the outcome reports the failure and the decision stands.
   */
  public ActionOutcome warn(String envId, String jobId, double p, Runnable deliver) {
    return run(new ActionRequest(envId, jobId, ProposedAction.WARN, p, planner), s -> deliver.run());
  }

  /**
   * Tier 3: recommend a reschedule to a human (who decides). {@code deliver} runs only after an executing decision;
   * if it throws, the outcome reports the failure and the decision stands.
   */
  public ActionOutcome suggestReschedule(String envId, String jobId, double p, Runnable deliver) {
    return run(new ActionRequest(envId, jobId, ProposedAction.SUGGEST_RESCHEDULE, p, planner), s -> deliver.run());
  }

  /** Tier 4: hold the job until a human releases it. */
  public ActionOutcome hold(String envId, String jobId, double p, String reason) {
    return run(new ActionRequest(envId, jobId, ProposedAction.HOLD, p, planner), s -> s.hold(envId, jobId, reason));
  }

  /** Tier 4: move the job to {@code targetQueue}. */
  public ActionOutcome requeue(String envId, String jobId, double p, String targetQueue) {
    return run(new ActionRequest(envId, jobId, ProposedAction.REQUEUE, p, planner),
        s -> s.requeue(envId, jobId, targetQueue));
  }

  /** Tier 4: change the job's priority. */
  public ActionOutcome adjustPriority(String envId, String jobId, double p, PriorityLevel priority) {
    return run(
        new ActionRequest(envId, jobId, ProposedAction.ADJUST_PRIORITY, p, planner),
        s -> s.adjustPriority(envId, jobId, priority));
  }

  private ActionOutcome run(ActionRequest request, Consumer<SchedulerActions> act) {
    HumanApproval approved = approval;
    if (approved != null && !approved.covers(request)) {
      // checked before the evidence is read, so a misrouted approval leaves no trace in the gate or the log
      throw new IllegalArgumentException("approval " + approved.approvalId() + " is for "
          + approved.action().wireName() + " of job " + approved.jobId() + " in " + approved.envId()
          + " but the request is " + request.action().wireName() + " of job " + request.jobId() + " in "
          + request.envId());
    }
    @Nullable CalibrationEvidence ev;
    try {
      ev = evidence.evidence(request.envId());
    } catch (RuntimeException e) {
      LOG.warn("Evidence source failed for {}; escalating", request.envId(), e);
      return finish(gate.unavailable(request, e.toString()), act);
    }
    return finish(approved == null ? gate.decide(request, ev) : gate.decide(request, ev, approved), act);
  }

  private ActionOutcome finish(GateDecision decision, Consumer<SchedulerActions> act) {
    try {
      recorder.record(decision);
    } catch (RuntimeException e) {
      LOG.warn("Decision recorder failed for job {}; the decision stands", decision.jobId(), e);
    }
    if (!decision.decision().executes()) {
      return new ActionOutcome(decision, false, null);
    }
    try {
      act.accept(scheduler);
      return new ActionOutcome(decision, true, null);
    } catch (RuntimeException e) {
      LOG.warn("SchedulerActions failed for {} of job {}; the decision stands",
          decision.action().wireName(), decision.jobId(), e);
      return new ActionOutcome(decision, false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
