package io.vgac.calibration.recalibration;

import java.util.Objects;

/**
 * A fitted Platt map {@code P = 1 / (1 + exp(a·f + b))}, where {@code f} is the raw score ({@link Input#SCORE}) or
 * the log-odds of a probability clipped to {@code [1e-12, 1 − 1e-12]} ({@link Input#LOGIT}). Note Platt's sign
 * convention: the map is non-decreasing in {@code f} when {@code a ≤ 0}; {@code a = −1, b = 0} on
 * {@link Input#LOGIT} is the identity.
 *
 * @param a slope (Platt's A)
 * @param b offset (Platt's B)
 * @param input what {@code f} is computed from
 */
public record PlattCalibrator(double a, double b, Input input) implements Calibrator {

  /** What the map is applied to. */
  public enum Input {
    /** A raw score of any sign and size, used as is (Platt's original setting; scikit-learn's). */
    SCORE,
    /** A probability in {@code [0,1]}, used through its clipped log-odds. */
    LOGIT
  }

  public PlattCalibrator {
    if (!Double.isFinite(a)) {
      throw new IllegalArgumentException("a must be finite but was " + a);
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException("b must be finite but was " + b);
    }
    Objects.requireNonNull(input, "input");
  }

  /**
   * The calibrated probability of a score (for {@link Input#SCORE}: any non-NaN value) or of a probability (for
   * {@link Input#LOGIT}: a value in {@code [0,1]}).
   */
  @Override
  public double calibrate(double f) {
    double x = feature(f);
    // a = 0 makes the score irrelevant; avoids 0·∞ = NaN for an infinite score.
    double z = a == 0 ? b : a * x + b;
    return LogOdds.sigmoid(-z);
  }

  private double feature(double f) {
    if (input == Input.LOGIT) {
      if (!(f >= 0.0 && f <= 1.0)) {
        throw new IllegalArgumentException("Not a probability: " + f);
      }
      return LogOdds.logit(f);
    }
    if (Double.isNaN(f)) {
      throw new IllegalArgumentException("Not a score: " + f);
    }
    return f;
  }

  @Override
  public String method() {
    return CalibrationMethod.PLATT.id();
  }
}
