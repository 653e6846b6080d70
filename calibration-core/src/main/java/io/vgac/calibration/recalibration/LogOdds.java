package io.vgac.calibration.recalibration;

/**
 * Log-odds helpers shared by the parametric maps. Probabilities are clipped to
 * {@code [EPSILON, 1 − EPSILON]} before taking logarithms, so 0 and 1 map to finite log-odds (about ±27.6).
 */
public final class LogOdds {
  /** Clipping used before {@code log}: 1e-12, as in the beta-calibration design. */
  public static final double EPSILON = 1e-12;

  private LogOdds() {}

  /** {@code p} clipped to {@code [EPSILON, 1 − EPSILON]}. */
  public static double clip(double p) {
    return Math.min(Math.max(p, EPSILON), 1.0 - EPSILON);
  }

  /** {@code ln(p / (1 − p))} of the clipped probability. */
  public static double logit(double p) {
    double c = clip(p);
    return Math.log(c) - Math.log1p(-c);
  }

  /**
   * {@code 1 / (1 + e^{−z})} for any finite or infinite {@code z} (overflow of e^{−z} gives 0, as it should). One
   * formula, not two branches: branches that meet at 0 can disagree by an ulp there and break monotonicity, while
   * this composition of monotone, correctly rounded steps with a semi-monotonic {@code exp} cannot.
   */
  public static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** {@code ln(1 + e^z)} without overflow. */
  static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
}
