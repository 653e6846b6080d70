package io.vgac.calibration.metrics;

import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood logistic recalibration on lp = logit(p): the calibration slope (y ~ α + β·lp) and the
 * calibration intercept (y ~ α + offset(lp)). Newton's method; NaN when it does not converge or the slope runs
 * past ±1000, which is what (near) separation looks like, where the MLE does not exist; NaN too when the estimate's
 * standard error exceeds 1000, i.e. when the data (say, probabilities of exactly 0 and 1) carry no information.
 *
 * <p>Each Newton pass costs one {@code exp} per row and no logarithm: the step is safeguarded by the sign of the
 * directional derivative at the new point (for the concave log-likelihood, the step overshot the maximum along its
 * line by more than half when g(θ + δ)·δ &lt; −g(θ)·δ) instead of by evaluating the log-likelihood. The intercept model
 * needs no {@code exp} at all: σ(α + logit p) = k·p / (k·p + 1 − p) with k = e^α.
 */
final class LogisticRecalibration {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;
  private static final double MAX_SLOPE = 1e3;
  private static final double MAX_STANDARD_ERROR = 1e3;

  private LogisticRecalibration() {}

  static double slope(double[] lp, byte[] y, double @Nullable [] w) {
    // Centre the covariate: the slope is unchanged and the 2×2 system stays well conditioned even when some
    // logits sit at the clip (±34.5) while the rest are near 0.
    double sw = 0, swx = 0;
    double min0 = Double.POSITIVE_INFINITY, max0 = Double.NEGATIVE_INFINITY;
    double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < lp.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (wi == 0) {
        continue;
      }
      sw += wi;
      swx += wi * lp[i];
      if (y[i] != 0) {
        min1 = Math.min(min1, lp[i]);
        max1 = Math.max(max1, lp[i]);
      } else {
        min0 = Math.min(min0, lp[i]);
        max0 = Math.max(max0, lp[i]);
      }
    }
    // (Quasi-)complete separation: the outcomes are split by a threshold on lp, so the likelihood keeps rising as
    // |β| → ∞ and no slope exists — even where saturated logits make it look flat in floating point.
    if (max0 <= min1 || max1 <= min0) {
      return Double.NaN;
    }
    double centre = swx / sw;
    double a = centre, b = 1; // the identity map: α + β·(lp − centre) = lp
    double[] grad = new double[5];
    pass(lp, y, w, centre, a, b, grad);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double g0 = grad[0], g1 = grad[1], h00 = grad[2], h01 = grad[3], h11 = grad[4];
      double det = h00 * h11 - h01 * h01;
      if (!(det > 0)) {
        return Double.NaN;
      }
      double da = (h11 * g0 - h01 * g1) / det;
      double db = (h00 * g1 - h01 * g0) / det;
      double slope0 = g0 * da + g1 * db; // > 0: δ is an ascent direction
      double step = 1;
      while (true) {
        pass(lp, y, w, centre, a + step * da, b + step * db, grad);
        double slope1 = grad[0] * da + grad[1] * db;
        if (slope1 >= -slope0) {
          break;
        }
        step /= 2;
        if (step < 1e-6) {
          return Double.NaN; // no acceptable step: a flat or separated likelihood, not a converged fit
        }
      }
      a += step * da;
      b += step * db;
      if (!(Math.abs(b) < MAX_SLOPE)) {
        return Double.NaN;
      }
      if (step * Math.max(Math.abs(da), Math.abs(db)) < TOLERANCE * Math.max(1, Math.abs(b))) {
        // Standard error of β from the observed information: beyond MAX_STANDARD_ERROR the data do not determine it.
        return Math.sqrt(h00 / det) < MAX_STANDARD_ERROR ? b : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Gradient and negated Hessian of the log-likelihood at (a, b): out = {g0, g1, h00, h01, h11}. */
  private static void pass(
      double[] lp, byte[] y, double @Nullable [] w, double centre, double a, double b, double[] out) {
    double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
    for (int i = 0; i < lp.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (wi == 0) {
        continue;
      }
      double x = lp[i] - centre;
      double mu = 1 / (1 + Math.exp(-(a + b * x)));
      double r = wi * (y[i] - mu);
      double v = wi * mu * (1 - mu);
      g0 += r;
      g1 += r * x;
      h00 += v;
      h01 += v * x;
      h11 += v * x * x;
    }
    out[0] = g0;
    out[1] = g1;
    out[2] = h00;
    out[3] = h01;
    out[4] = h11;
  }

  /** α of y ~ α + offset(logit p), with p clipped to [eps, 1 − eps] as for the slope. */
  static double interceptWithOffset(double[] p, double eps, byte[] y, double @Nullable [] w) {
    double a = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double k = Math.exp(a);
      double g = 0, h = 0;
      for (int i = 0; i < p.length; i++) {
        double wi = w == null ? 1 : w[i];
        if (wi == 0) {
          continue;
        }
        double pi = Math.min(Math.max(p[i], eps), 1 - eps);
        double kp = k * pi;
        double mu = kp / (kp + 1 - pi);
        g += wi * (y[i] - mu);
        h += wi * mu * (1 - mu);
      }
      if (!(h > 0)) {
        return Double.NaN;
      }
      // The 1-D log-likelihood is concave; clamp huge steps so a flat start cannot overshoot into overflow.
      double step = Math.max(-5, Math.min(5, g / h));
      a += step;
      if (Math.abs(step) < TOLERANCE * Math.max(1, Math.abs(a))) {
        // Saturated logits (p clipped at 0 or 1) can leave almost no information about α: then it is not estimable.
        return 1 / Math.sqrt(h) < MAX_STANDARD_ERROR ? a : Double.NaN;
      }
    }
    return Double.NaN;
  }
}
