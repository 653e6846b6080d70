package io.vgac.calibration.recalibration;

/**
 * A fitted beta-calibration map (Kull, Silva Filho &amp; Flach 2017, the three-parameter "abm" family):
 * {@code logit(q) = a·ln p − b·ln(1 − p) + c}, with {@code p} clipped to {@code [1e-12, 1 − 1e-12]}. With
 * {@code a, b ≥ 0} (which {@link BetaCalibration} guarantees) the map is non-decreasing; {@code a = b = 1, c = 0}
 * is the identity.
 *
 * @param a weight of {@code ln p}, ≥ 0
 * @param b weight of {@code −ln(1 − p)}, ≥ 0
 * @param c intercept
 */
public record BetaCalibrator(double a, double b, double c) implements Calibrator {

  public BetaCalibrator {
    if (!(a >= 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("a must be in [0,∞) but was " + a);
    }
    if (!(b >= 0) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("b must be in [0,∞) but was " + b);
    }
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("c must be finite but was " + c);
    }
  }

  /** The identity map {@code a = b = 1, c = 0}. */
  public static BetaCalibrator identity() {
    return new BetaCalibrator(1, 1, 0);
  }

  @Override
  public double calibrate(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    double q = LogOdds.clip(p);
    return LogOdds.sigmoid(a * Math.log(q) - b * Math.log1p(-q) + c);
  }

  @Override
  public String method() {
    return CalibrationMethod.BETA.id();
  }
}
