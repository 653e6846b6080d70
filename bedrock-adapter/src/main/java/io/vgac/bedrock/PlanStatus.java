package io.vgac.bedrock;

/** How a {@link BedrockPlanner} arrived at its proposals for one job. */
public enum PlanStatus {
  /** No prediction or emitted tier 0: nothing the gate could allow, so the model was not called. */
  SKIPPED,
  /** The model's conversation ended with a plan ({@code end_turn}); its proposals were returned. */
  MODEL,
  /** The model could not be used (errors after retries, a stop reason other than end_turn, no parseable plan, the
   *  round-trip cap): the fallback planner's proposals were returned. */
  FALLBACK
}
