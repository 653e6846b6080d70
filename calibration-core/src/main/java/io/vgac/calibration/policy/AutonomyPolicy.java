package io.vgac.calibration.policy;

/**
 * The design's calibration score and action scope, every threshold configurable.
 *
 * <ul>
 *   <li>{@code calibrationScore(ece) = clamp(1 − 5·ECE, 0, 1)}: ECE 0 → 1.0, 0.018 → 0.91, 0.03 → 0.85, 0.08 → 0.60.
 *   <li>Scope, in this order: fewer than 50 samples (learning mode) → ESCALATE; score &gt; 0.85 → AUTONOMOUS; score
 *       &gt; 0.60 → NOTIFY; otherwise ESCALATE. Both comparisons are strict.
 *   <li>An unknown environment starts with score 0.5, 0 samples and learning mode on, so it escalates.
 *   <li>A NaN score (unknown calibration) escalates.
 * </ul>
 */
public final class AutonomyPolicy {
  public static final double DEFAULT_ECE_PENALTY = 5.0;
  public static final double DEFAULT_AUTONOMOUS_ABOVE = 0.85;
  public static final double DEFAULT_NOTIFY_ABOVE = 0.60;
  public static final int DEFAULT_MIN_SAMPLES = 50;
  public static final double UNKNOWN_ENVIRONMENT_SCORE = 0.5;
  private static final AutonomyPolicy DEFAULTS = builder().build();

  private final double ecePenalty;
  private final double autonomousAbove;
  private final double notifyAbove;
  private final int minSamples;

  private AutonomyPolicy(Builder b) {
    ecePenalty = b.ecePenalty;
    autonomousAbove = b.autonomousAbove;
    notifyAbove = b.notifyAbove;
    minSamples = b.minSamples;
  }

  public static AutonomyPolicy ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** clamp(1 − penalty·ECE, 0, 1); NaN for a NaN ECE. */
  public double calibrationScore(double ece) {
    if (Double.isNaN(ece)) {
      return Double.NaN;
    }
    return Math.max(0, Math.min(1, 1 - ecePenalty * ece));
  }

  public boolean isLearning(long sampleCount) {
    return sampleCount < minSamples;
  }

  /** The scope for a score and a sample count (learning mode when the count is below the minimum). */
  public Scope scope(double score, long sampleCount) {
    return scope(score, sampleCount, isLearning(sampleCount));
  }

  /** The scope, with learning mode forced on or off by the caller (e.g. an environment still being bootstrapped). */
  public Scope scope(double score, long sampleCount, boolean learning) {
    if (learning || sampleCount < minSamples) {
      return Scope.ESCALATE;
    }
    if (score > autonomousAbove) {
      return Scope.AUTONOMOUS;
    }
    if (score > notifyAbove) {
      return Scope.NOTIFY;
    }
    return Scope.ESCALATE; // also NaN: unknown calibration is the worst case
  }

  /** The scope straight from an ECE. */
  public Scope scopeForEce(double ece, long sampleCount) {
    return scope(calibrationScore(ece), sampleCount);
  }

  public double ecePenalty() {
    return ecePenalty;
  }

  public double autonomousAbove() {
    return autonomousAbove;
  }

  public double notifyAbove() {
    return notifyAbove;
  }

  public int minSamples() {
    return minSamples;
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private double ecePenalty = DEFAULT_ECE_PENALTY;
    private double autonomousAbove = DEFAULT_AUTONOMOUS_ABOVE;
    private double notifyAbove = DEFAULT_NOTIFY_ABOVE;
    private int minSamples = DEFAULT_MIN_SAMPLES;

    private Builder() {}

    public Builder ecePenalty(double penalty) {
      if (!(penalty > 0) || Double.isInfinite(penalty)) {
        throw new IllegalArgumentException("ecePenalty must be finite and > 0 but was " + penalty);
      }
      this.ecePenalty = penalty;
      return this;
    }

    public Builder autonomousAbove(double score) {
      this.autonomousAbove = checkScore("autonomousAbove", score);
      return this;
    }

    public Builder notifyAbove(double score) {
      this.notifyAbove = checkScore("notifyAbove", score);
      return this;
    }

    public Builder minSamples(int samples) {
      if (samples < 0) {
        throw new IllegalArgumentException("minSamples must be ≥ 0 but was " + samples);
      }
      this.minSamples = samples;
      return this;
    }

    private static double checkScore(String field, double score) {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException(field + " must be in [0,1] but was " + score);
      }
      return score;
    }

    public AutonomyPolicy build() {
      if (notifyAbove > autonomousAbove) {
        throw new IllegalArgumentException(
            "notifyAbove must be ≤ autonomousAbove (" + autonomousAbove + ") but was " + notifyAbove);
      }
      return new AutonomyPolicy(this);
    }
  }
}
