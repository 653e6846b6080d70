package io.vgac.calibration.recalibration;

/**
 * A snapshot of {@link OnlinePlattScaling}: {@code q = σ(a·logit(p) + b)} with {@code p} clipped to
 * {@code [1e-12, 1 − 1e-12]}. {@code a = 1, b = 0} is the identity; the map is non-decreasing when {@code a ≥ 0}.
 * (The sign convention is the online paper's, the opposite of {@link PlattCalibrator}'s.)
 *
 * @param a slope on the log-odds
 * @param b offset
 * @param updates number of labelled updates the parameters were learnt from (0: the initial parameters)
 */
public record OnlinePlattCalibrator(double a, double b, long updates) implements Calibrator {

  public OnlinePlattCalibrator {
    if (!Double.isFinite(a)) {
      throw new IllegalArgumentException("a must be finite but was " + a);
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException("b must be finite but was " + b);
    }
    if (updates < 0) {
      throw new IllegalArgumentException("updates must be ≥ 0 but was " + updates);
    }
  }

  @Override
  public double calibrate(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    return LogOdds.sigmoid(a * LogOdds.logit(p) + b);
  }

  @Override
  public String method() {
    return "online-platt";
  }
}
