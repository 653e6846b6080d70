package io.vgac.calibration.policy;

/** How much an agent may do on its own in an environment. */
public enum Scope {
  /** Act without telling anyone. */
  AUTONOMOUS,
  /** Act, then tell a human. */
  NOTIFY,
  /** Do not act; ask a human. */
  ESCALATE;

  /** The more restrictive of the two scopes. */
  public Scope min(Scope other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
