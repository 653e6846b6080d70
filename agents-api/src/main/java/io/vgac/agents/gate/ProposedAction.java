package io.vgac.agents.gate;

import java.util.Locale;

/**
 * An action a planner may propose, with the intervention tier it needs (the design's graduated policy).
 *
 * <table>
 *   <caption>Actions and tiers</caption>
 *   <tr><th>action</th><th>tier</th><th>why</th></tr>
 *   <tr><td>ANNOTATE</td><td>1</td><td>the design's tier 1: add a risk label to the job</td></tr>
 *   <tr><td>WARN</td><td>2</td><td>the design's tier 2: notify the job's owner</td></tr>
 *   <tr><td>SUGGEST_RESCHEDULE</td><td>3</td><td>the design's tier 3: recommend a reschedule (a human decides)</td></tr>
 *   <tr><td>HOLD</td><td>4</td><td>the design's tier 4 "gate": block the job, require confirmation</td></tr>
 *   <tr><td>REQUEUE</td><td>4</td><td>moves the job to another queue without asking: at least as strong as a hold</td></tr>
 *   <tr><td>ADJUST_PRIORITY</td><td>4</td><td>reorders the queue for this and every other job: as strong as a hold</td></tr>
 * </table>
 *
 * Every action additionally needs the AUTONOMOUS or NOTIFY scope; under ESCALATE nothing executes.
 */
public enum ProposedAction {
  ANNOTATE(1),
  WARN(2),
  SUGGEST_RESCHEDULE(3),
  HOLD(4),
  REQUEUE(4),
  ADJUST_PRIORITY(4);

  private final int tier;
  private final String wireName;

  ProposedAction(int tier) {
    this.tier = tier;
    this.wireName = name().toLowerCase(Locale.ROOT);
  }

  /** The intervention tier (1–4) the environment must qualify for, and whose p threshold applies. */
  public int tier() {
    return tier;
  }

  /** The lower-case name used in the decision log, e.g. {@code suggest_reschedule}. */
  public String wireName() {
    return wireName;
  }

  /** The action with {@code wireName}. */
  public static ProposedAction fromWireName(String wireName) {
    for (ProposedAction a : values()) {
      if (a.wireName.equals(wireName)) {
        return a;
      }
    }
    throw new IllegalArgumentException("Not a proposed action: '" + wireName + "'");
  }
}
