package io.vgac.calibration.drift;

import java.util.List;

/**
 * Parameters of {@link CalibrationEDetector}.
 *
 * @param alpha the false-alarm level, in (0,1): under calibration the average run length to a false alarm is at
 *     least 1/α
 * @param bets the grid of betting fractions λ, each in (0,1) (so that {@code 1 + λz > 0} for every increment
 *     {@code z ∈ [−1,1]}); small bets are powerful against small drifts, large ones against large drifts
 */
public record CalibrationEDetectorConfig(double alpha, List<Double> bets) {

  public static final double DEFAULT_ALPHA = 0.001;
  public static final List<Double> DEFAULT_BETS = List.of(0.025, 0.05, 0.1, 0.2, 0.4, 0.8);

  public CalibrationEDetectorConfig {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0,1) but was " + alpha);
    }
    bets = List.copyOf(bets);
    if (bets.isEmpty()) {
      throw new IllegalArgumentException("bets must hold at least one value in (0,1) but was empty");
    }
    for (int i = 0; i < bets.size(); i++) {
      double bet = bets.get(i);
      if (!(bet > 0 && bet < 1)) {
        throw new IllegalArgumentException("bets must be in (0,1) but was " + bet + " at index " + i);
      }
    }
  }

  /** α = 0.001 and the grid {0.025, 0.05, 0.1, 0.2, 0.4, 0.8}. */
  public static CalibrationEDetectorConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder starting from the defaults; {@link #build()} validates. */
  public static final class Builder {
    private double alpha = DEFAULT_ALPHA;
    private List<Double> bets = DEFAULT_BETS;

    private Builder() {}

    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    public Builder bets(List<Double> bets) {
      this.bets = bets;
      return this;
    }

    public CalibrationEDetectorConfig build() {
      return new CalibrationEDetectorConfig(alpha, bets);
    }
  }
}
