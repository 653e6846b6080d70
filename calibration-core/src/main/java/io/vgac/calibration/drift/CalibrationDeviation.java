package io.vgac.calibration.drift;

/**
 * The four one-sided departures from calibration that {@link CalibrationEDetector} bets against, each with its
 * martingale increment {@code z(p, y)}, which has conditional mean 0 when {@code y ~ Bernoulli(p)} and lies in
 * [−1, 1].
 */
public enum CalibrationDeviation {
  /** Predictions too high: {@code z = p − y}. */
  OVER_PREDICTION(DriftDirection.OVER),
  /** Predictions too low: {@code z = y − p}. */
  UNDER_PREDICTION(DriftDirection.UNDER),
  /** Predictions too extreme (too far from 1/2): {@code z = (1 − 2p)(y − p)}. */
  OVER_CONFIDENCE(DriftDirection.SPREAD),
  /** Predictions too timid (too close to 1/2): {@code z = (2p − 1)(y − p)}. */
  UNDER_CONFIDENCE(DriftDirection.SPREAD);

  private final DriftDirection direction;

  CalibrationDeviation(DriftDirection direction) {
    this.direction = direction;
  }

  /** The coarse direction reported to users. */
  public DriftDirection direction() {
    return direction;
  }

  /** The increment for one observation; {@code p} and {@code y} are assumed already validated. */
  double increment(double p, int y) {
    double residual = y - p;
    switch (this) {
      case OVER_PREDICTION:
        return -residual;
      case UNDER_PREDICTION:
        return residual;
      case OVER_CONFIDENCE:
        return (1 - 2 * p) * residual;
      default:
        return (2 * p - 1) * residual;
    }
  }
}
