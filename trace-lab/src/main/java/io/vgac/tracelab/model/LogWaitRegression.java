package io.vgac.tracelab.model;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Ridge regression of {@code log(1 + wait)} on standardised features: solves
 * {@code (ZᵀZ + λI′) β = Zᵀy} (the intercept unpenalised) with Commons Math's Cholesky decomposition. It reuses a
 * {@link LogisticModel}'s standardisation so the two models of one file share their feature scaling. Deterministic,
 * O(n·k²).
 */
public final class LogWaitRegression {
  /** The default L2 strength on standardised features. */
  public static final double DEFAULT_LAMBDA = 1.0;

  private final double lambda;

  private LogWaitRegression(double lambda) {
    this.lambda = lambda;
  }

  public static LogWaitRegression ofDefaults() {
    return new LogWaitRegression(DEFAULT_LAMBDA);
  }

  /**
   * A fitter with L2 strength {@code lambda}.
   *
   * @throws IllegalArgumentException unless {@code lambda} is finite and ≥ 0
   */
  public static LogWaitRegression withLambda(double lambda) {
    if (!(lambda >= 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be a finite number ≥ 0 but was " + lambda);
    }
    return new LogWaitRegression(lambda);
  }

  /**
   * Fits {@code log1p(waitSeconds) ~ x} on the standardisation of {@code scaling}.
   *
   * @throws IllegalArgumentException for no rows, ragged rows, non-finite features, or a wait that is negative, NaN
   *     or infinite (named with its row)
   */
  public LogWaitModel fit(LogisticModel scaling, double[][] x, double[] waitSeconds) {
    int n = x.length;
    int k = scaling.names().size();
    if (n == 0 || waitSeconds.length != n) {
      throw new IllegalArgumentException("need rows with one wait each but had " + n + " rows and "
          + waitSeconds.length + " waits");
    }
    int d = k + 1;
    double[][] h = new double[d][d];
    double[] g = new double[d];
    double[] z = new double[d];
    z[0] = 1;
    for (int i = 0; i < n; i++) {
      if (x[i].length != k) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, not " + k);
      }
      double w = waitSeconds[i];
      if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("wait of row " + i + " must be a finite number of seconds ≥ 0 but was "
            + w);
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("feature " + scaling.names().get(j) + " of row " + i
              + " is not finite: " + x[i][j]);
        }
        z[j + 1] = (x[i][j] - scaling.mean()[j]) / scaling.scale()[j];
      }
      double y = Math.log1p(w);
      for (int a = 0; a < d; a++) {
        g[a] += z[a] * y;
        for (int b = 0; b <= a; b++) {
          h[a][b] += z[a] * z[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        h[b][a] = h[a][b];
      }
      h[a][a] += a == 0 ? 1e-9 : lambda;
    }
    RealVector beta = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 1e-14).getSolver()
        .solve(new ArrayRealVector(g, false));
    double[] coef = new double[k];
    for (int j = 0; j < k; j++) {
      coef[j] = beta.getEntry(j + 1);
    }
    return new LogWaitModel(scaling.names(), scaling.mean().clone(), scaling.scale().clone(), beta.getEntry(0),
        coef, n);
  }
}
