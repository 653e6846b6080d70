package io.vgac.agents.approvals;

import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters an approved action needs to be carried out, by name (the design's tool parameter names). Checked
 * when the approval is requested, so that an approval a human grants can always be executed.
 *
 * <table>
 *   <caption>Required parameters</caption>
 *   <tr><th>action</th><th>parameters</th></tr>
 *   <tr><td>annotate</td><td>{@value #KEY}, {@value #VALUE}</td></tr>
 *   <tr><td>hold</td><td>{@value #REASON}</td></tr>
 *   <tr><td>requeue</td><td>{@value #TARGET_QUEUE}</td></tr>
 *   <tr><td>adjust_priority</td><td>{@value #PRIORITY} ∈ {low, normal, high, critical}</td></tr>
 *   <tr><td>warn, suggest_reschedule</td><td>none (messages to people, not scheduler calls)</td></tr>
 * </table>
 *
 * Other parameters are kept as given (for the human's context) and ignored by the executor.
 */
public final class ApprovalParameters {
  public static final String KEY = "key";
  public static final String VALUE = "value";
  public static final String REASON = "reason";
  public static final String TARGET_QUEUE = "target_queue";
  public static final String PRIORITY = "priority";

  private ApprovalParameters() {}

  /** The parameter names {@code action} requires. */
  public static List<String> required(ProposedAction action) {
    switch (action) {
      case ANNOTATE:
        return List.of(KEY, VALUE);
      case HOLD:
        return List.of(REASON);
      case REQUEUE:
        return List.of(TARGET_QUEUE);
      case ADJUST_PRIORITY:
        return List.of(PRIORITY);
      default:
        return List.of();
    }
  }

  /**
   * An immutable, name-ordered copy of {@code parameters}, checked for {@code action}.
   *
   * @throws IllegalArgumentException when a required parameter is missing or blank, or the priority is not a level
   */
  public static Map<String, String> check(ProposedAction action, Map<String, String> parameters) {
    for (String name : required(action)) {
      String v = parameters.get(name);
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(
            "parameters." + name + " is required for " + action.wireName() + " but was " + (v == null ? "missing"
                : "'" + v + "'"));
      }
    }
    if (action == ProposedAction.ADJUST_PRIORITY) {
      priority(parameters.get(PRIORITY));
    }
    return Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** The priority level named {@code value} (case-insensitive). */
  static PriorityLevel priority(String value) {
    try {
      return PriorityLevel.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "parameters.priority must be one of low, normal, high, critical but was '" + value + "'", e);
    }
  }
}
