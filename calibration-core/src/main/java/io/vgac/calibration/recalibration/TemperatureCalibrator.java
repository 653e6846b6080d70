package io.vgac.calibration.recalibration;

/**
 * A fitted temperature map {@code q = σ(logit(p) / T)} with {@code p} clipped to {@code [1e-12, 1 − 1e-12]}.
 * {@code T > 1} softens over-confident probabilities, {@code T < 1} sharpens under-confident ones, {@code T = 1} is
 * the identity (up to the clipping). Always non-decreasing.
 *
 * @param temperature {@code T}, finite and positive
 */
public record TemperatureCalibrator(double temperature) implements Calibrator {

  public TemperatureCalibrator {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be in (0,∞) but was " + temperature);
    }
  }

  @Override
  public double calibrate(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("Not a probability: " + p);
    }
    return LogOdds.sigmoid(LogOdds.logit(p) / temperature);
  }

  @Override
  public String method() {
    return CalibrationMethod.TEMPERATURE.id();
  }
}
