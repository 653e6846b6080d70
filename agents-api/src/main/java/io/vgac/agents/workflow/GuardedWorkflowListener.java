package io.vgac.agents.workflow;

import io.vgac.agents.gate.GateDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The wrapper of {@link WorkflowListener#guarded}. */
final class GuardedWorkflowListener implements WorkflowListener {
  private static final Logger LOG = LoggerFactory.getLogger(WorkflowListener.class);
  private final WorkflowListener delegate;

  GuardedWorkflowListener(WorkflowListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onDecision(GateDecision decision) {
    try {
      delegate.onDecision(decision);
    } catch (RuntimeException e) {
      dropped("onDecision", e);
    }
  }

  @Override
  public void onSubmission(SubmissionResult result) {
    try {
      delegate.onSubmission(result);
    } catch (RuntimeException e) {
      dropped("onSubmission", e);
    }
  }

  @Override
  public void onStart(StartResult result) {
    try {
      delegate.onStart(result);
    } catch (RuntimeException e) {
      dropped("onStart", e);
    }
  }

  @Override
  public void onRecalibrationRequest(RecalibrationRequest request) {
    try {
      delegate.onRecalibrationRequest(request);
    } catch (RuntimeException e) {
      dropped("onRecalibrationRequest", e);
    }
  }

  private void dropped(String method, RuntimeException e) {
    LOG.warn("WorkflowListener {} failed in {}; dropped (decisions are unchanged)",
        delegate.getClass().getName(), method, e);
  }

  @Override
  public String toString() {
    return "guarded(" + delegate + ")";
  }
}
