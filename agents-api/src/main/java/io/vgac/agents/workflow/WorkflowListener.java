package io.vgac.agents.workflow;

import io.vgac.agents.gate.DecisionRecorder;
import io.vgac.agents.gate.GateDecision;

/**
 * Observes what the agents decide, for metrics and audit (SPI; {@code Agents.builder().listener(…)}). It sees the
 * results, never takes part in them: every call happens after the decision was made (and written to the decision
 * log), on the deciding thread, and the agents call it through {@link #guarded}, so an exception it throws is logged
 * and dropped and never changes a decision, a result or the decision log. Keep it quick: it runs under the
 * cluster's lock for workflow events.
 *
 * <p>Every method has an empty default; implement the ones you need.
 */
public interface WorkflowListener {
  /** A listener that ignores everything. */
  WorkflowListener NONE = new WorkflowListener() {};

  /**
   * A gate decision, whoever asked for it (the workflow, an actor tool, or an approved action), right after it was
   * handed to the decision log.
   */
  default void onDecision(GateDecision decision) {}

  /** The workflow finished a submitted job (its prediction, emitted tier and every gated action). */
  default void onSubmission(SubmissionResult result) {}

  /** The workflow recorded (or ignored) a job's start. */
  default void onStart(StartResult result) {}

  /** The Calibrator asked for a recalibration (once per drift excursion). */
  default void onRecalibrationRequest(RecalibrationRequest request) {}

  /**
   * {@code listener} with every call guarded: a RuntimeException it throws is logged (WARN, with the listener's
   * class) and dropped. Guarding a guarded listener or {@link #NONE} returns it unchanged.
   */
  static WorkflowListener guarded(WorkflowListener listener) {
    if (listener == NONE || listener instanceof GuardedWorkflowListener) {
      return listener;
    }
    return new GuardedWorkflowListener(listener);
  }

  /**
   * The recorder to give {@code GatedActions}: each decision goes to {@code log}, then — even when {@code log}
   * threw — to {@code listener}, guarded. The log's exception is rethrown afterwards, so the gate's own handling
   * (log and drop) is unchanged. Returns {@code log} itself when the listener is {@link #NONE}.
   */
  static DecisionRecorder recorder(DecisionRecorder log, WorkflowListener listener) {
    WorkflowListener l = guarded(listener);
    if (l == NONE) {
      return log;
    }
    return decision -> {
      try {
        log.record(decision);
      } finally {
        l.onDecision(decision);
      }
    };
  }
}
