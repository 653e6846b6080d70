package io.vgac.agents.gate;

/** Receives every decision {@link GatedActions} makes (the decision log implements it). */
@FunctionalInterface
public interface DecisionRecorder {
  /** Records nothing. */
  DecisionRecorder NONE = d -> {};

  /** Records {@code decision}; may throw: the caller logs and drops the failure. */
  void record(GateDecision decision);
}
