package io.vgac.calibration.drift;

/**
 * Parameters of {@link PageHinkley}; the defaults are those of MOA's {@code PageHinkleyDM}.
 *
 * @param minInstances no change is flagged before the detector's internal counter reaches this value (MOA's
 *     {@code minNumInstances}; the counter starts at 1, so the earliest alarm is at the (n−1)-th item after a
 *     (re)start), ≥ 0
 * @param delta magnitude of change tolerated per item, ≥ 0 and finite
 * @param lambda alarm threshold on the Page-Hinkley statistic, &gt; 0 and finite
 * @param alpha forgetting factor of the cumulative sum, in (0,1]
 */
public record PageHinkleyConfig(int minInstances, double delta, double lambda, double alpha) {

  public static final int DEFAULT_MIN_INSTANCES = 30;
  public static final double DEFAULT_DELTA = 0.005;
  public static final double DEFAULT_LAMBDA = 50;
  public static final double DEFAULT_ALPHA = 1 - 0.0001;

  public PageHinkleyConfig {
    if (minInstances < 0) {
      throw new IllegalArgumentException("minInstances must be >= 0 but was " + minInstances);
    }
    if (!(delta >= 0 && Double.isFinite(delta))) {
      throw new IllegalArgumentException("delta must be in [0,+inf) but was " + delta);
    }
    if (!(lambda > 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be in (0,+inf) but was " + lambda);
    }
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0,1] but was " + alpha);
    }
  }

  /** MOA's defaults: n = 30, δ = 0.005, λ = 50, α = 0.9999. */
  public static PageHinkleyConfig ofDefaults() {
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
    private double alpha = DEFAULT_ALPHA;

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

    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    public PageHinkleyConfig build() {
      return new PageHinkleyConfig(minInstances, delta, lambda, alpha);
    }
  }
}
