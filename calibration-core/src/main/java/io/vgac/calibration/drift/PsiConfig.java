package io.vgac.calibration.drift;

/**
 * Parameters of {@link PopulationStabilityIndex}; the defaults are the design's.
 *
 * @param bins number of reference-quantile bins, ≥ 2
 * @param epsilon floor for a bin proportion, so that empty bins give a finite term; in (0, 0.01]
 * @param moderateFrom PSI at or above this is MODERATE (default 0.1); finite, &gt; 0
 * @param severeAbove PSI above this is SEVERE (default 0.25); ≥ moderateFrom, finite
 */
public record PsiConfig(int bins, double epsilon, double moderateFrom, double severeAbove) {

  public static final int DEFAULT_BINS = 10;
  public static final double DEFAULT_EPSILON = 1e-6;
  public static final double DEFAULT_MODERATE_FROM = 0.1;
  public static final double DEFAULT_SEVERE_ABOVE = 0.25;

  public PsiConfig {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be >= 2 but was " + bins);
    }
    if (!(epsilon > 0 && epsilon <= 0.01)) {
      throw new IllegalArgumentException("epsilon must be in (0,0.01] but was " + epsilon);
    }
    if (!(moderateFrom > 0 && Double.isFinite(moderateFrom))) {
      throw new IllegalArgumentException("moderateFrom must be in (0,+inf) but was " + moderateFrom);
    }
    if (!(severeAbove >= moderateFrom && Double.isFinite(severeAbove))) {
      throw new IllegalArgumentException(
          "severeAbove must be in [" + moderateFrom + ",+inf) but was " + severeAbove);
    }
  }

  /** 10 bins, ε = 1e-6, bands 0.1 / 0.25. */
  public static PsiConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The band of a PSI value (NaN → INSUFFICIENT_DATA). */
  public PsiBand band(double psi) {
    if (Double.isNaN(psi)) {
      return PsiBand.INSUFFICIENT_DATA;
    }
    if (psi < moderateFrom) {
      return PsiBand.STABLE;
    }
    return psi <= severeAbove ? PsiBand.MODERATE : PsiBand.SEVERE;
  }

  /** Builder starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private int bins = DEFAULT_BINS;
    private double epsilon = DEFAULT_EPSILON;
    private double moderateFrom = DEFAULT_MODERATE_FROM;
    private double severeAbove = DEFAULT_SEVERE_ABOVE;

    private Builder() {}

    public Builder bins(int bins) {
      this.bins = bins;
      return this;
    }

    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    public Builder moderateFrom(double moderateFrom) {
      this.moderateFrom = moderateFrom;
      return this;
    }

    public Builder severeAbove(double severeAbove) {
      this.severeAbove = severeAbove;
      return this;
    }

    public PsiConfig build() {
      return new PsiConfig(bins, epsilon, moderateFrom, severeAbove);
    }
  }
}
