package io.vgac.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.approvals.ApprovalParameters;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.spi.PlannedAction;
import io.vgac.agents.spi.PlanningContext;
import io.vgac.agents.spi.RuleBasedPlanner;
import io.vgac.agents.tools.ToolCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the model's final answer: the last {@code {"actions": [...]}} object in its text. Only the graduated actions
 * (annotate, warn, suggest_reschedule, hold) are taken from it — requeue and priority changes are tool calls, gated
 * when made — and only up to the emitted tier (the gate would deny the rest). The model chooses the action and
 * writes the message or reason (control characters removed, at most {@value #MAX_TEXT} characters); the annotation
 * is always the SDK's risk label with the prediction's p, never a key or value from the model.
 */
final class ModelPlan {
  static final int MAX_TEXT = 500;
  static final int MAX_ACTIONS = 4;
  private static final Set<ProposedAction> FROM_TEXT =
      EnumSet.of(ProposedAction.ANNOTATE, ProposedAction.WARN, ProposedAction.SUGGEST_RESCHEDULE, ProposedAction.HOLD);

  /**
   * @param actions the proposals
   * @param dropped entries left out (unknown action, a tool action, above the emitted tier, duplicate, over the cap)
   * @param problem why no plan could be read; null when one was
   */
  record Parsed(List<PlannedAction> actions, int dropped, @Nullable String problem) {}

  private ModelPlan() {}

  static Parsed parse(String text, PlanningContext c, String planner) {
    JsonNode plan = lastPlanObject(text);
    if (plan == null) {
      return new Parsed(List.of(), 0, "no {\"actions\": [...]} object in the model's answer");
    }
    List<PlannedAction> out = new ArrayList<>();
    EnumSet<ProposedAction> seen = EnumSet.noneOf(ProposedAction.class);
    int dropped = 0;
    int emitted = c.emittedTier();
    String p = String.format(Locale.ROOT, "%.3f", c.p());
    for (JsonNode a : plan.get("actions")) {
      ProposedAction action = action(a.path("action").asText(""));
      if (action == null || !FROM_TEXT.contains(action) || action.tier() > emitted || !seen.add(action)
          || out.size() >= MAX_ACTIONS) {
        dropped++;
        continue;
      }
      String message = clean(a.path("message").asText(""));
      String rationale = clean(a.path("rationale").asText(""));
      if (rationale.isBlank()) {
        rationale = "proposed by " + planner;
      }
      String job = c.job().jobId();
      PlannedAction planned;
      switch (action) {
        case ANNOTATE:
          planned = new PlannedAction(action,
              Map.of(ApprovalParameters.KEY, RuleBasedPlanner.RISK_LABEL, ApprovalParameters.VALUE, p), null,
              rationale, planner);
          break;
        case WARN:
          planned = new PlannedAction(action, Map.of(RuleBasedPlanner.MESSAGE, message.isBlank()
              ? "Job " + job + " is likely to wait long (p = " + p + ")" : message),
              ToolCatalog.SEND_SLACK_NOTIFICATION, rationale, planner);
          break;
        case SUGGEST_RESCHEDULE:
          planned = new PlannedAction(action, Map.of(RuleBasedPlanner.MESSAGE, message.isBlank()
              ? "Consider rescheduling job " + job + " (p = " + p + ")" : message),
              ToolCatalog.REQUEUE_JOB, rationale, planner);
          break;
        default:
          planned = new PlannedAction(action, Map.of(ApprovalParameters.REASON, message.isBlank()
              ? "Very likely long wait (p = " + p + "): confirm before it runs" : message),
              ToolCatalog.ESCALATE_TO_HUMAN, rationale, planner);
      }
      out.add(planned);
    }
    return new Parsed(List.copyOf(out), dropped, null);
  }

  private static @Nullable ProposedAction action(String name) {
    try {
      return ProposedAction.fromWireName(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The last object with an {@code actions} array that parses, searching back from the end. */
  private static @Nullable JsonNode lastPlanObject(String text) {
    int key = text.lastIndexOf("\"actions\"");
    while (key >= 0) {
      int open = text.lastIndexOf('{', key);
      while (open >= 0) {
        try {
          JsonNode n = AgentsJson.mapper().readTree(text.substring(open));
          if (n != null && n.isObject() && n.path("actions").isArray()) {
            return n;
          }
        } catch (IOException e) {
          // not a complete object from here: try an enclosing brace
        }
        open = open == 0 ? -1 : text.lastIndexOf('{', open - 1);
      }
      key = key == 0 ? -1 : text.lastIndexOf("\"actions\"", key - 1);
    }
    return null;
  }

  /** Without control characters, trimmed, at most {@link #MAX_TEXT} characters. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_TEXT));
    for (int i = 0; i < s.length() && b.length() < MAX_TEXT; i++) {
      char ch = s.charAt(i);
      b.append(Character.isISOControl(ch) ? ' ' : ch);
    }
    return b.toString().trim();
  }
}
