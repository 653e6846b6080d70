package io.vgac.calibration.conformal;

/**
 * Settings of {@link AdaptiveConformal}.
 *
 * @param targetMiss α*, the long-run miss rate aimed at (nominal coverage {@code 1 − α*}), in (0,1)
 * @param gamma the step γ of {@code α ← α + γ(α* − miss)}, in (0,1]; larger adapts faster and makes the interval
 *     width noisier (Gibbs &amp; Candès use 0.005)
 * @param window how many recent scores the quantile is taken over (the calibration set), ≥ 1
 * @param initialAlpha α₁, where the controller starts, in (0,1); usually α*
 */
public record AdaptiveConformalConfig(double targetMiss, double gamma, int window, double initialAlpha) {
  /** 80% intervals, the default of the wait-time tool. */
  public static final double DEFAULT_TARGET_MISS = 0.2;
  public static final double DEFAULT_GAMMA = 0.005;
  public static final int DEFAULT_WINDOW = 1000;

  private static final AdaptiveConformalConfig DEFAULTS = builder().build();

  public AdaptiveConformalConfig {
    SplitConformal.checkMissRate("targetMiss", targetMiss);
    checkGamma(gamma);
    checkWindow(window);
    SplitConformal.checkMissRate("initialAlpha", initialAlpha);
  }

  public static AdaptiveConformalConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The nominal coverage {@code 1 − α*}. */
  public double coverage() {
    return 1 - targetMiss;
  }

  /**
   * Gibbs &amp; Candès' deterministic bound on {@code |average miss − α*|} after {@code t} updates:
   * {@code (max(α₁, 1 − α₁) + γ)/(γt)}; {@code +∞} for {@code t = 0}.
   */
  public double missRateBound(long t) {
    if (t < 0) {
      throw new IllegalArgumentException("t must be ≥ 0 but was " + t);
    }
    return t == 0 ? Double.POSITIVE_INFINITY : (Math.max(initialAlpha, 1 - initialAlpha) + gamma) / (gamma * t);
  }

  private static void checkGamma(double gamma) {
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in (0,1] but was " + gamma);
    }
  }

  private static void checkWindow(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be ≥ 1 but was " + window);
    }
  }

  /** Builder; every setter checks its field, naming it, its value and its range. */
  public static final class Builder {
    private double targetMiss = DEFAULT_TARGET_MISS;
    private double gamma = DEFAULT_GAMMA;
    private int window = DEFAULT_WINDOW;
    private double initialAlpha = Double.NaN; // α* unless set

    private Builder() {}

    /** Sets α* = 1 − coverage. */
    public Builder coverage(double coverage) {
      SplitConformal.checkMissRate("coverage", coverage);
      return targetMiss(1 - coverage);
    }

    public Builder targetMiss(double targetMiss) {
      SplitConformal.checkMissRate("targetMiss", targetMiss);
      this.targetMiss = targetMiss;
      return this;
    }

    public Builder gamma(double gamma) {
      checkGamma(gamma);
      this.gamma = gamma;
      return this;
    }

    public Builder window(int window) {
      checkWindow(window);
      this.window = window;
      return this;
    }

    public Builder initialAlpha(double initialAlpha) {
      SplitConformal.checkMissRate("initialAlpha", initialAlpha);
      this.initialAlpha = initialAlpha;
      return this;
    }

    public AdaptiveConformalConfig build() {
      return new AdaptiveConformalConfig(targetMiss, gamma, window,
          Double.isNaN(initialAlpha) ? targetMiss : initialAlpha);
    }
  }
}
