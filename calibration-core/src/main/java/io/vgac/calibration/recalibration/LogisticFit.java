package io.vgac.calibration.recalibration;

/**
 * Weighted logistic regression with an intercept and a handful of features, by Newton's method with a backtracking
 * line search. A tiny L2 penalty on the coefficients (not the intercept) keeps separable data finite, like
 * scikit-learn's {@code LogisticRegression(C=huge)} used by the beta-calibration reference code.
 */
final class LogisticFit {
  private LogisticFit() {}

  /**
   * Minimises {@code Σ wᵢ·[ln(1 + e^{zᵢ}) − yᵢ·zᵢ] + (l2/2)·‖β‖²} with {@code zᵢ = Σⱼ βⱼ·features[j][i] + c}.
   *
   * @return the coefficients followed by the intercept
   */
  static double[] fit(
      double[][] features, byte[] y, double[] w, double l2, int maxIterations, double tolerance) {
    int k = features.length;
    int d = k + 1;
    int n = y.length;
    double totalWeight = 0;
    for (double wi : w) {
      totalWeight += wi;
    }
    double[] theta = new double[d];
    double[] g = new double[d];
    double[][] h = new double[d][d];
    double[] dir = new double[d];
    double[] trial = new double[d];
    double loss = loss(features, y, w, l2, theta);
    for (int iter = 0; iter < maxIterations; iter++) {
      java.util.Arrays.fill(g, 0.0);
      for (double[] row : h) {
        java.util.Arrays.fill(row, 0.0);
      }
      for (int i = 0; i < n; i++) {
        if (w[i] == 0) {
          continue;
        }
        double z = linear(features, theta, i);
        double q = LogOdds.sigmoid(z);
        double r = w[i] * (q - y[i]);
        double s = w[i] * q * (1 - q);
        for (int a = 0; a < d; a++) {
          double xa = a < k ? features[a][i] : 1.0;
          g[a] += r * xa;
          for (int b = 0; b <= a; b++) {
            double xb = b < k ? features[b][i] : 1.0;
            h[a][b] += s * xa * xb;
          }
        }
      }
      double gmax = 0;
      for (int a = 0; a < d; a++) {
        if (a < k) {
          g[a] += l2 * theta[a];
          h[a][a] += l2;
        }
        gmax = Math.max(gmax, Math.abs(g[a]));
      }
      if (gmax <= tolerance * totalWeight) {
        break;
      }
      for (int a = 0; a < d; a++) {
        for (int b = a + 1; b < d; b++) {
          h[a][b] = h[b][a];
        }
      }
      solve(h, g, dir);
      double slope = 0;
      for (int a = 0; a < d; a++) {
        dir[a] = -dir[a];
        slope += g[a] * dir[a];
      }
      if (!(slope < 0)) {
        break; // not a descent direction: the Hessian is numerically singular here
      }
      double step = 1.0;
      boolean moved = false;
      while (step >= 1e-10) {
        for (int a = 0; a < d; a++) {
          trial[a] = theta[a] + step * dir[a];
        }
        double trialLoss = loss(features, y, w, l2, trial);
        if (trialLoss <= loss + 1e-4 * step * slope) {
          System.arraycopy(trial, 0, theta, 0, d);
          moved = loss - trialLoss > 0;
          loss = trialLoss;
          break;
        }
        step /= 2;
      }
      if (!moved) {
        break; // no further decrease representable
      }
    }
    return theta;
  }

  private static double linear(double[][] features, double[] theta, int i) {
    int k = features.length;
    double z = theta[k];
    for (int j = 0; j < k; j++) {
      z += theta[j] * features[j][i];
    }
    return z;
  }

  private static double loss(double[][] features, byte[] y, double[] w, double l2, double[] theta) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      double z = linear(features, theta, i);
      sum += w[i] * (LogOdds.softplus(z) - y[i] * z);
    }
    double penalty = 0;
    for (int j = 0; j < features.length; j++) {
      penalty += theta[j] * theta[j];
    }
    return sum + 0.5 * l2 * penalty;
  }

  /**
   * Solves {@code h·x = g} for a small symmetric positive semi-definite {@code h} by Gaussian elimination with
   * partial pivoting; a relative jitter is added to the diagonal when a pivot vanishes.
   */
  private static void solve(double[][] h, double[] g, double[] x) {
    int d = g.length;
    double trace = 0;
    for (int a = 0; a < d; a++) {
      trace += h[a][a];
    }
    double jitter = Math.max(trace, 1e-300) * 1e-14;
    double[][] m = new double[d][d + 1];
    for (int a = 0; a < d; a++) {
      System.arraycopy(h[a], 0, m[a], 0, d);
      m[a][a] += jitter;
      m[a][d] = g[a];
    }
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int r = col + 1; r < d; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      double p = m[col][col];
      for (int r = col + 1; r < d; r++) {
        double f = m[r][col] / p;
        for (int c = col; c <= d; c++) {
          m[r][c] -= f * m[col][c];
        }
      }
    }
    for (int a = d - 1; a >= 0; a--) {
      double s = m[a][d];
      for (int c = a + 1; c < d; c++) {
        s -= m[a][c] * x[c];
      }
      x[a] = s / m[a][a];
    }
  }
}
