package io.vgac.tracelab.replay;

import io.vgac.tracelab.features.SweptTrace;

/**
 * One environment's part of a replay: snapshots {@code [from, to)} of a swept trace, under the environment id
 * {@code env}.
 */
public record ReplayPhase(String env, SweptTrace swept, int from, int to) {
  public ReplayPhase {
    if (env.isBlank()) {
      throw new IllegalArgumentException("env must not be blank");
    }
    if (from < 0 || to > swept.snapshots().size() || from >= to) {
      throw new IllegalArgumentException("need 0 ≤ from < to ≤ " + swept.snapshots().size() + " but were " + from
          + ", " + to);
    }
  }

  public int jobs() {
    return to - from;
  }
}
