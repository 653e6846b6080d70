package io.vgac.calibration.drift;

/**
 * Parameters of {@link Cusum}; the defaults are those of MOA's {@code CusumDM}.
 *
 * @param minInstances no change is flagged before the detector's internal counter reaches this value (MOA's
 *     {@code minNumInstances}; the counter starts at 1), ≥ 0
 * @param delta magnitude of change tolerated per item, ≥ 0 and finite
 * @param lambda alarm threshold on the cumulative sum, &gt; 0 and finite
 */
public record CusumConfig(int minInstances, double delta, double lambda) {

  public static final int DEFAULT_MIN_INSTANCES = 30;
  public static final double DEFAULT_DELTA = 0.005;
  public static final double DEFAULT_LAMBDA = 50;

  public CusumConfig {
    if (minInstances < 0) {
      throw new IllegalArgumentException("minInstances must be >= 0 but was " + minInstances);
    }
    if (!(delta >= 0 && Double.isFinite(delta))) {
      throw new IllegalArgumentException("delta must be in [0,+inf) but was " + delta);
    }
    if (!(lambda > 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be in (0,+inf) but was " + lambda);
    }
  }

  /** MOA's defaults: n = 30, δ = 0.005, λ = 50. */
  public static CusumConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private double delta = DEFAULT_DELTA;
    private double lambda = DEFAULT_LAMBDA;

    private Builder() {}

    public Builder minInstances(int minInstances) {
      this.minInstances = minInstances;
      return this;
    }

    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    public CusumConfig build() {
      return new CusumConfig(minInstances, delta, lambda);
    }
  }
}
