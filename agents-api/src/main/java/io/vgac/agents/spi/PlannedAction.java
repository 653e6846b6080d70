package io.vgac.agents.spi;

import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.gate.ProposedAction;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One action a {@link Planner} proposes.
 *
 * @param action what to do (its tier is {@link ProposedAction#tier()})
 * @param parameters what the action needs ({@link ApprovalParameters}: annotate needs {@code key} and
 *     {@code value}, hold {@code reason}, requeue {@code target_queue}, adjust_priority {@code priority}); checked
 *     here, so that an escalated action can always be queued for approval and executed once approved
 * @param actorTool the design's Actor tool that carries the same intent, for the log and for planners that speak in
 *     tool calls; null when the design has none (annotate is this SDK's scheduler label)
 * @param rationale why, in one sentence for a human
 * @param planner who proposed it, carried to the decision log's {@code planner} field (e.g. {@code bedrock:<model>},
 *     or the rule-based planner standing in for a failed one); null when not stated
 */
public record PlannedAction(
    ProposedAction action,
    Map<String, String> parameters,
    @Nullable String actorTool,
    String rationale,
    @Nullable String planner) {

  /** @throws IllegalArgumentException when a required parameter is missing or the rationale is blank */
  public PlannedAction {
    parameters = ApprovalParameters.check(action, parameters);
    if (rationale.isBlank()) {
      throw new IllegalArgumentException("rationale must not be blank");
    }
    if (actorTool != null && actorTool.isBlank()) {
      throw new IllegalArgumentException("actorTool must be null or a tool name but was '" + actorTool + "'");
    }
    if (planner != null && planner.isBlank()) {
      throw new IllegalArgumentException("planner must be null or non-blank but was '" + planner + "'");
    }
  }

  /** An action whose proposer is not stated. */
  public PlannedAction(
      ProposedAction action, Map<String, String> parameters, @Nullable String actorTool, String rationale) {
    this(action, parameters, actorTool, rationale, null);
  }

  /** The same action, stated to come from {@code planner}. */
  public PlannedAction withPlanner(String planner) {
    return new PlannedAction(action, parameters, actorTool, rationale, planner);
  }
}
