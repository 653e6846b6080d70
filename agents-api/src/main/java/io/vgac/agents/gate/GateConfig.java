package io.vgac.agents.gate;

import io.vgac.calibration.policy.TierPolicy;
import java.time.Duration;

/** Immutable configuration of an {@link ActionGate}, from a fail-fast {@link Builder}. */
public final class GateConfig {
  /** Evidence older than this escalates: the calibration may have changed since. */
  public static final Duration DEFAULT_MAX_EVIDENCE_AGE = Duration.ofMinutes(15);
  /** Transitions kept per environment (oldest dropped first). */
  public static final int DEFAULT_MAX_TRANSITIONS = 64;

  private static final GateConfig DEFAULTS = builder().build();

  private final Duration maxEvidenceAge;
  private final TierPolicy tierPolicy;
  private final int maxTransitions;

  private GateConfig(Builder b) {
    maxEvidenceAge = b.maxEvidenceAge;
    tierPolicy = b.tierPolicy;
    maxTransitions = b.maxTransitions;
  }

  public static GateConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration maxEvidenceAge() {
    return maxEvidenceAge;
  }

  /** The tiers whose probability thresholds apply (the design's standard four by default). */
  public TierPolicy tierPolicy() {
    return tierPolicy;
  }

  public int maxTransitions() {
    return maxTransitions;
  }

  @Override
  public String toString() {
    return "GateConfig[maxEvidenceAge=" + maxEvidenceAge + ", tierPolicy=" + tierPolicy + ", maxTransitions="
        + maxTransitions + "]";
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private Duration maxEvidenceAge = DEFAULT_MAX_EVIDENCE_AGE;
    private TierPolicy tierPolicy = TierPolicy.standard();
    private int maxTransitions = DEFAULT_MAX_TRANSITIONS;

    private Builder() {}

    public Builder maxEvidenceAge(Duration age) {
      if (age.isNegative() || age.isZero()) {
        throw new IllegalArgumentException("maxEvidenceAge must be > 0 but was " + age);
      }
      this.maxEvidenceAge = age;
      return this;
    }

    public Builder tierPolicy(TierPolicy policy) {
      this.tierPolicy = policy;
      return this;
    }

    public Builder maxTransitions(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxTransitions must be ≥ 1 but was " + max);
      }
      this.maxTransitions = max;
      return this;
    }

    public GateConfig build() {
      return new GateConfig(this);
    }
  }
}
