package io.vgac.agents.spi;

import java.util.List;

/**
 * Proposes actions for one submitted job (SPI). The embedded default is {@link RuleBasedPlanner}; a language-model
 * planner (Bedrock) implements the same interface. A planner only <em>proposes</em>: every {@link PlannedAction}
 * goes through the {@link io.vgac.agents.gate.ActionGate}, which may execute, execute and notify, escalate or deny
 * it, whatever the planner thought.
 *
 * <p>Implementations are thread-safe and may throw: the workflow then logs it and acts on nothing for that job.
 */
@FunctionalInterface
public interface Planner {

  /** The actions proposed for the job in {@code context}, in the order they should be tried; empty for none. */
  List<PlannedAction> propose(PlanningContext context);
}
