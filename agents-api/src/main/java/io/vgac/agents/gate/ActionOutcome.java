package io.vgac.agents.gate;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one gated action.
 *
 * @param decision the gate's decision (never changed by what happened afterwards)
 * @param executed whether {@link SchedulerActions} was called and returned normally
 * @param executionError the scheduler's failure ({@code Type: message}) when it threw; null otherwise
 */
public record ActionOutcome(GateDecision decision, boolean executed, @Nullable String executionError) {

  /** True when the decision allowed the action but the scheduler failed to carry it out. */
  public boolean failed() {
    return executionError != null;
  }
}
