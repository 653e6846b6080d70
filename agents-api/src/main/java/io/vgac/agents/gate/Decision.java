package io.vgac.agents.gate;

/** What the gate decided for one proposed action. */
public enum Decision {
  /** AUTONOMOUS scope: act without telling anyone. */
  EXECUTE("executed"),
  /** NOTIFY scope: act, then tell a human. */
  EXECUTE_AND_NOTIFY("executed_and_notified"),
  /** Do not act; a human decides (ESCALATE scope, learning, unknown, stale or missing evidence). */
  ESCALATE("escalated"),
  /** Do not act and do not ask: the action is stronger than the calibration or the prediction supports. */
  DENY("denied");

  private final String wireName;

  Decision(String wireName) {
    this.wireName = wireName;
  }

  /** Whether the action runs: true only for EXECUTE and EXECUTE_AND_NOTIFY. */
  public boolean executes() {
    return this == EXECUTE || this == EXECUTE_AND_NOTIFY;
  }

  /** The decision log's value: executed, executed_and_notified, escalated, denied. */
  public String wireName() {
    return wireName;
  }

  /** The decision with {@code wireName}. */
  public static Decision fromWireName(String wireName) {
    for (Decision d : values()) {
      if (d.wireName.equals(wireName)) {
        return d;
      }
    }
    throw new IllegalArgumentException("Not a decision: '" + wireName + "'");
  }
}
