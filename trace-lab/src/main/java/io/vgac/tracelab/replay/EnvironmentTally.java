package io.vgac.tracelab.replay;

import io.vgac.calibration.policy.Scope;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one environment's replay (mutable while the replay runs; read it afterwards).
 */
public final class EnvironmentTally {
  private final String env;
  long submitted;
  long predicted;
  long outcomes;
  long executed;
  long notified;
  long escalated;
  long denied;
  long recalibrations;
  long driftAlarms;
  final EnumMap<Scope, Long> jobsByScope = new EnumMap<>(Scope.class);
  final java.util.List<String> examples = new java.util.ArrayList<>();
  private double[] p = new double[256];
  private int[] y = new int[256];
  private int scored;

  void score(double prob, int label) {
    if (scored == p.length) {
      p = java.util.Arrays.copyOf(p, scored * 2);
      y = java.util.Arrays.copyOf(y, scored * 2);
    }
    p[scored] = prob;
    y[scored++] = label;
  }

  /** A few predictions as people read them ({@code WaitText}), spread over the replay. */
  public java.util.List<String> examples() {
    return java.util.List.copyOf(examples);
  }

  /** The probabilities the agents acted on, for every outcome recorded, in order. */
  public double[] scoredProbabilities() {
    return java.util.Arrays.copyOf(p, scored);
  }

  /** The labels matching {@link #scoredProbabilities()}. */
  public int[] scoredLabels() {
    return java.util.Arrays.copyOf(y, scored);
  }

  EnvironmentTally(String env) {
    this.env = env;
  }

  public String env() {
    return env;
  }

  public long submitted() {
    return submitted;
  }

  public long predicted() {
    return predicted;
  }

  public long outcomes() {
    return outcomes;
  }

  /** Decisions executed autonomously. */
  public long executed() {
    return executed;
  }

  /** Decisions executed and notified. */
  public long notified() {
    return notified;
  }

  public long escalated() {
    return escalated;
  }

  public long denied() {
    return denied;
  }

  public long recalibrations() {
    return recalibrations;
  }

  public long driftAlarms() {
    return driftAlarms;
  }

  /** Submitted jobs by the scope the evidence gave them. */
  public Map<Scope, Long> jobsByScope() {
    return Map.copyOf(jobsByScope);
  }
}
