package io.vgac.calibration.metrics;

import org.jspecify.annotations.Nullable;

/**
 * Maximum-likelihood logistic recalibration on logit(p): the calibration slope (y ~ α + β·lp) and the calibration
 * intercept (y ~ α + offset(lp)). Newton's method with step halving; NaN when it does not converge, which is what
 * happens under perfect separation, where the MLE does not exist.
 */
final class LogisticRecalibration {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-12;

  private LogisticRecalibration() {}

  static double slope(double[] lp, byte[] y, double @Nullable [] w) {
    // Centre the covariate: the slope is unchanged and the 2×2 system stays well conditioned even when some
    // logits sit at the clip (±34.5) while the rest are near 0.
    double sw = 0, swx = 0;
    for (int i = 0; i < lp.length; i++) {
      double wi = w == null ? 1 : w[i];
      sw += wi;
      swx += wi * lp[i];
    }
    double centre = swx / sw;
    double a = -centre, b = 1; // the identity map, α + β·(x − centre) = x
    double ll = logLikelihood(lp, y, w, a, b, centre);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
      for (int i = 0; i < lp.length; i++) {
        double wi = w == null ? 1 : w[i];
        if (wi == 0) {
          continue;
        }
        double x = lp[i] - centre;
        double mu = sigmoid(a + b * x);
        double r = wi * (y[i] - mu);
        double v = wi * mu * (1 - mu);
        g0 += r;
        g1 += r * x;
        h00 += v;
        h01 += v * x;
        h11 += v * x * x;
      }
      double det = h00 * h11 - h01 * h01;
      if (!(det > 0)) {
        return Double.NaN;
      }
      double da = (h11 * g0 - h01 * g1) / det;
      double db = (h00 * g1 - h01 * g0) / det;
      double step = 1;
      double na = a + da, nb = b + db;
      double nll = logLikelihood(lp, y, w, na, nb, centre);
      while (nll < ll - 1e-12 * Math.abs(ll) && step > 1e-6) {
        step /= 2;
        na = a + step * da;
        nb = b + step * db;
        nll = logLikelihood(lp, y, w, na, nb, centre);
      }
      double change = Math.max(Math.abs(na - a), Math.abs(nb - b));
      a = na;
      b = nb;
      ll = nll;
      if (change < TOLERANCE * Math.max(1, Math.abs(b))) {
        return finiteSlope(b);
      }
    }
    return Double.NaN;
  }

  /** Beyond ±1000 the data are (nearly) separated and the slope is not estimable. */
  private static double finiteSlope(double b) {
    return Math.abs(b) < 1e3 ? b : Double.NaN;
  }

  static double interceptWithOffset(double[] lp, byte[] y, double @Nullable [] w) {
    double a = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double g = 0, h = 0;
      for (int i = 0; i < lp.length; i++) {
        double wi = w == null ? 1 : w[i];
        if (wi == 0) {
          continue;
        }
        double mu = sigmoid(a + lp[i]);
        g += wi * (y[i] - mu);
        h += wi * mu * (1 - mu);
      }
      if (!(h > 0)) {
        return Double.NaN;
      }
      double step = g / h;
      // The 1-D log-likelihood is concave; clamp huge steps so a flat start cannot overshoot into overflow.
      step = Math.max(-5, Math.min(5, step));
      a += step;
      if (Math.abs(step) < TOLERANCE * Math.max(1, Math.abs(a))) {
        return a;
      }
    }
    return Double.NaN;
  }

  private static double logLikelihood(
      double[] lp, byte[] y, double @Nullable [] w, double a, double b, double centre) {
    double ll = 0;
    for (int i = 0; i < lp.length; i++) {
      double wi = w == null ? 1 : w[i];
      if (wi == 0) {
        continue;
      }
      double eta = a + b * (lp[i] - centre);
      // log σ(η) = −log(1 + e^−η), written to stay finite for large |η|.
      double l = eta > 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
      ll += wi * (y[i] != 0 ? l : l - eta);
    }
    return ll;
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
