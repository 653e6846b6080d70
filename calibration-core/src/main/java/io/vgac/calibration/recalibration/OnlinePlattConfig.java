package io.vgac.calibration.recalibration;

/**
 * Settings of {@link OnlinePlattScaling} (Gupta &amp; Ramdas 2023): the online-Newton-step constants and the
 * bounded parameter set. Defaults follow the authors' code: step {@code 1/γ} with {@code γ = 0.1},
 * {@code A₀ = εI} with {@code ε = 1/(γ·1)² = 100}, radius {@code D = 100}; the start {@code (a, b) = (1, 0)} is the
 * identity map, so an untrained learner leaves probabilities unchanged.
 *
 * @param gamma ONS constant γ; each step is {@code −(1/γ)·A⁻¹∇}
 * @param epsilon initial matrix {@code A₀ = εI}; larger values mean smaller early steps
 * @param radius D, the bound on {@code ‖(a, b)‖₂}
 * @param initialA starting slope on the log-odds
 * @param initialB starting offset
 */
public record OnlinePlattConfig(double gamma, double epsilon, double radius, double initialA, double initialB) {
  public static final double DEFAULT_GAMMA = 0.1;
  public static final double DEFAULT_EPSILON = 100.0;
  public static final double DEFAULT_RADIUS = 100.0;
  public static final double DEFAULT_INITIAL_A = 1.0;
  public static final double DEFAULT_INITIAL_B = 0.0;

  private static final OnlinePlattConfig DEFAULTS = builder().build();

  public OnlinePlattConfig {
    positiveFinite("gamma", gamma);
    positiveFinite("epsilon", epsilon);
    positiveFinite("radius", radius);
    if (!Double.isFinite(initialA)) {
      throw new IllegalArgumentException("initialA must be finite but was " + initialA);
    }
    if (!Double.isFinite(initialB)) {
      throw new IllegalArgumentException("initialB must be finite but was " + initialB);
    }
    double norm = Math.hypot(initialA, initialB);
    if (norm > radius) {
      throw new IllegalArgumentException(
          "radius must be ≥ ‖(initialA, initialB)‖ = " + norm + " but was " + radius);
    }
  }

  private static void positiveFinite(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be in (0,∞) but was " + v);
    }
  }

  public static OnlinePlattConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; {@link #build()} checks every field, naming it, its value and its valid range. */
  public static final class Builder {
    private double gamma = DEFAULT_GAMMA;
    private double epsilon = DEFAULT_EPSILON;
    private double radius = DEFAULT_RADIUS;
    private double initialA = DEFAULT_INITIAL_A;
    private double initialB = DEFAULT_INITIAL_B;

    private Builder() {}

    public Builder gamma(double gamma) {
      positiveFinite("gamma", gamma);
      this.gamma = gamma;
      return this;
    }

    public Builder epsilon(double epsilon) {
      positiveFinite("epsilon", epsilon);
      this.epsilon = epsilon;
      return this;
    }

    public Builder radius(double radius) {
      positiveFinite("radius", radius);
      this.radius = radius;
      return this;
    }

    public Builder initial(double a, double b) {
      this.initialA = a;
      this.initialB = b;
      return this;
    }

    public OnlinePlattConfig build() {
      return new OnlinePlattConfig(gamma, epsilon, radius, initialA, initialB);
    }
  }
}
