package io.vgac.agents.intervals;

import io.vgac.calibration.conformal.CoverageTracker;
import io.vgac.calibration.conformal.TwoSidedAdaptiveConformal;

/**
 * Settings of {@link IntervalController}.
 *
 * @param coverage the nominal coverage, in (0,1)
 * @param eta the integrator step of each environment's {@link TwoSidedAdaptiveConformal}, in log(1 + seconds), &gt; 0
 * @param scoreWindow recent residuals the band's quantiles are taken over, ≥ 2
 * @param coverageWindow the realised-coverage window, ≥ 1
 * @param coverageLevel the confidence level of the coverage's Wilson interval, in (0,1)
 * @param maxPending jobs waiting for an outcome kept per environment (the oldest is forgotten beyond it), ≥ 1
 * @param rememberedOutcomes scored job ids remembered per environment to recognise duplicates, ≥ 0
 */
public record IntervalControllerConfig(
    double coverage, double eta, int scoreWindow, int coverageWindow, double coverageLevel, int maxPending,
    int rememberedOutcomes) {

  /** The default nominal coverage: 80 %. */
  public static final double DEFAULT_COVERAGE = 0.8;
  /**
   * The default integrator step: 0.05 in log(1 + seconds) per outcome, chosen once for every pair of the public traces
   * (trace-lab README, where 0.02 and 0.1 are compared).
   */
  public static final double DEFAULT_ETA = TwoSidedAdaptiveConformal.DEFAULT_ETA;
  public static final int DEFAULT_MAX_PENDING = 100_000;
  public static final int DEFAULT_REMEMBERED_OUTCOMES = 100_000;

  private static final IntervalControllerConfig DEFAULTS = builder().build();

  public IntervalControllerConfig {
    if (!(coverage > 0 && coverage < 1)) {
      throw new IllegalArgumentException("coverage must be in (0,1) but was " + coverage);
    }
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("eta must be a finite number > 0 but was " + eta);
    }
    if (scoreWindow < 2) {
      throw new IllegalArgumentException("scoreWindow must be ≥ 2 but was " + scoreWindow);
    }
    if (coverageWindow < 1) {
      throw new IllegalArgumentException("coverageWindow must be ≥ 1 but was " + coverageWindow);
    }
    if (!(coverageLevel > 0 && coverageLevel < 1)) {
      throw new IllegalArgumentException("coverageLevel must be in (0,1) but was " + coverageLevel);
    }
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be ≥ 1 but was " + maxPending);
    }
    if (rememberedOutcomes < 0) {
      throw new IllegalArgumentException("rememberedOutcomes must be ≥ 0 but was " + rememberedOutcomes);
    }
  }

  public static IntervalControllerConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The nominal coverage (same as {@link #coverage()}). */
  public double nominal() {
    return coverage;
  }

  /** Builder; every setter checks its field. */
  public static final class Builder {
    private double coverage = DEFAULT_COVERAGE;
    private double eta = DEFAULT_ETA;
    private int scoreWindow = TwoSidedAdaptiveConformal.DEFAULT_WINDOW;
    private int coverageWindow = CoverageTracker.DEFAULT_WINDOW;
    private double coverageLevel = CoverageTracker.DEFAULT_LEVEL;
    private int maxPending = DEFAULT_MAX_PENDING;
    private int rememberedOutcomes = DEFAULT_REMEMBERED_OUTCOMES;

    private Builder() {}

    /** Nominal coverage in (0,1) (default 0.8). */
    public Builder coverage(double value) {
      if (!(value > 0 && value < 1)) {
        throw new IllegalArgumentException("coverage must be in (0,1) but was " + value);
      }
      this.coverage = value;
      return this;
    }

    /** Integrator step η &gt; 0 (default {@value #DEFAULT_ETA}). */
    public Builder eta(double value) {
      if (!(value > 0) || !Double.isFinite(value)) {
        throw new IllegalArgumentException("eta must be a finite number > 0 but was " + value);
      }
      this.eta = value;
      return this;
    }

    /** Recent residuals the band's quantiles are taken over (≥ 2). */
    public Builder scoreWindow(int value) {
      if (value < 2) {
        throw new IllegalArgumentException("scoreWindow must be ≥ 2 but was " + value);
      }
      this.scoreWindow = value;
      return this;
    }

    public Builder coverageWindow(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("coverageWindow must be ≥ 1 but was " + value);
      }
      this.coverageWindow = value;
      return this;
    }

    public Builder coverageLevel(double value) {
      if (!(value > 0 && value < 1)) {
        throw new IllegalArgumentException("coverageLevel must be in (0,1) but was " + value);
      }
      this.coverageLevel = value;
      return this;
    }

    public Builder maxPending(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxPending must be ≥ 1 but was " + value);
      }
      this.maxPending = value;
      return this;
    }

    public Builder rememberedOutcomes(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("rememberedOutcomes must be ≥ 0 but was " + value);
      }
      this.rememberedOutcomes = value;
      return this;
    }

    public IntervalControllerConfig build() {
      return new IntervalControllerConfig(coverage, eta, scoreWindow, coverageWindow, coverageLevel, maxPending, rememberedOutcomes);
    }
  }
}
