package io.vgac.bedrock;

/**
 * Receives the planner's per-call and per-job measurements (tokens, latency, fallbacks, refusals). Called on the
 * planning thread; an implementation that throws is logged and ignored (it never changes a plan). {@link
 * PlannerMetrics} keeps counters; bridge to Micrometer or CloudWatch by implementing this.
 */
public interface PlannerListener {
  /** Ignores everything. */
  PlannerListener NONE = new PlannerListener() {};

  /** After each Converse call, successful or not. */
  default void onModelCall(ModelCall call) {}

  /** After each job's planning. */
  default void onPlan(PlanOutcome outcome) {}
}
