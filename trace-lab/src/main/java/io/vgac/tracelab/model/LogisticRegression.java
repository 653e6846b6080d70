package io.vgac.tracelab.model;

import java.util.List;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Logistic regression with standardisation and an L2 penalty {@code ½λ‖β‖²} on the coefficients (not the
 * intercept), fitted by Newton's method (IRLS): each step solves {@code (XᵀWX + λI) δ = Xᵀ(y − p) − λβ} with Commons
 * Math's Cholesky decomposition, halving the step while the penalised log-likelihood would fall (by more than a
 * relative 1e-12, i.e. rounding); when no step of at least 1e-6 of the Newton step helps, the fit stays where it
 * is. So the objective never falls by more than rounding from one step to the next (property-tested). Deterministic;
 * O(n·k²) per step. Immutable configuration; {@link #ofDefaults()} has λ = {@value #DEFAULT_LAMBDA}.
 */
public final class LogisticRegression {
  /** The default L2 strength, on standardised features (scikit-learn's C = 1/λ = 1). */
  public static final double DEFAULT_LAMBDA = 1.0;
  /** The default iteration cap. */
  public static final int DEFAULT_MAX_ITERATIONS = 50;
  /** Converged when the largest step component is below this. */
  public static final double DEFAULT_TOLERANCE = 1e-8;

  private final double lambda;
  private final int maxIterations;
  private final double tolerance;

  private LogisticRegression(double lambda, int maxIterations, double tolerance) {
    this.lambda = lambda;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  public static LogisticRegression ofDefaults() {
    return new LogisticRegression(DEFAULT_LAMBDA, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }

  /**
   * A fitter with L2 strength {@code lambda}.
   *
   * @throws IllegalArgumentException unless {@code lambda} is finite and ≥ 0
   */
  public static LogisticRegression withLambda(double lambda) {
    if (!(lambda >= 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be a finite number ≥ 0 but was " + lambda);
    }
    return new LogisticRegression(lambda, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE);
  }

  /**
   * The same fitter stopping after at most {@code maxIterations} Newton steps (a fit capped at k steps is the k-th
   * iterate of the uncapped one: the fit is deterministic).
   *
   * @throws IllegalArgumentException unless {@code maxIterations} ≥ 1
   */
  public LogisticRegression withMaxIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be ≥ 1 but was " + maxIterations);
    }
    return new LogisticRegression(lambda, maxIterations, tolerance);
  }

  public double lambda() {
    return lambda;
  }

  public int maxIterations() {
    return maxIterations;
  }

  /**
   * The objective the fit maximises, for {@code model} on {@code x, y}: the log-likelihood minus
   * {@code ½λ‖β‖²} over the standardised coefficients (with {@code model}'s standardisation).
   */
  public double penalisedLogLikelihood(LogisticModel model, double[][] x, int[] y) {
    int k = model.coefficients().length;
    double[][] z = new double[x.length][k + 1];
    for (int i = 0; i < x.length; i++) {
      z[i][0] = 1;
      for (int j = 0; j < k; j++) {
        z[i][j + 1] = (x[i][j] - model.mean()[j]) / model.scale()[j];
      }
    }
    double[] beta = new double[k + 1];
    beta[0] = model.intercept();
    System.arraycopy(model.coefficients(), 0, beta, 1, k);
    return objective(z, y, beta);
  }

  /**
   * Fits {@code y ~ x}.
   *
   * @param names feature names, one per column
   * @throws IllegalArgumentException for no rows, ragged rows, non-finite values or labels other than 0/1, and
   *     without a penalty (λ = 0) for collinear features or fewer rows than coefficients
   */
  public LogisticModel fit(List<String> names, double[][] x, int[] y) {
    int n = x.length;
    int k = names.size();
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException("need rows with one label each but had " + n + " rows and " + y.length
          + " labels");
    }
    double[] mean = new double[k];
    double[] scale = new double[k];
    for (int i = 0; i < n; i++) {
      if (x[i].length != k) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, not " + k);
      }
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException("label of row " + i + " must be 0 or 1 but was " + y[i]);
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException("feature " + names.get(j) + " of row " + i + " is not finite: "
              + x[i][j]);
        }
        mean[j] += x[i][j];
      }
    }
    for (int j = 0; j < k; j++) {
      mean[j] /= n;
    }
    for (double[] row : x) {
      for (int j = 0; j < k; j++) {
        double d = row[j] - mean[j];
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < k; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 1e-12 ? sd : 1;
    }
    // z[i] = [1, standardised x]
    int d = k + 1;
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < k; j++) {
        z[i][j + 1] = (x[i][j] - mean[j]) / scale[j];
      }
    }
    double[] beta = new double[d];
    double prevalence = 0;
    for (int v : y) {
      prevalence += v;
    }
    prevalence = Math.min(Math.max(prevalence / n, 1e-6), 1 - 1e-6);
    beta[0] = Math.log(prevalence / (1 - prevalence));
    double objective = objective(z, y, beta);
    int iterations = 0;
    boolean converged = false;
    double[] p = new double[n];
    while (iterations < maxIterations) {
      iterations++;
      double[][] h = new double[d][d];
      double[] g = new double[d];
      for (int i = 0; i < n; i++) {
        double[] zi = z[i];
        double eta = 0;
        for (int a = 0; a < d; a++) {
          eta += beta[a] * zi[a];
        }
        p[i] = LogisticModel.sigmoid(eta);
        double w = Math.max(p[i] * (1 - p[i]), 1e-12);
        double r = y[i] - p[i];
        for (int a = 0; a < d; a++) {
          double wa = w * zi[a];
          g[a] += r * zi[a];
          double[] ha = h[a];
          for (int b = 0; b <= a; b++) {
            ha[b] += wa * zi[b];
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          h[b][a] = h[a][b];
        }
        if (a > 0) {
          h[a][a] += lambda;
          g[a] -= lambda * beta[a];
        } else {
          h[a][a] += 1e-9; // keeps the system positive definite when a class is absent
        }
      }
      RealVector step;
      try {
        step = new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-14, 1e-14).getSolver()
            .solve(new ArrayRealVector(g, false));
      } catch (MathIllegalArgumentException singular) {
        // only without a penalty: λ > 0 keeps XᵀWX + λI positive definite
        throw new IllegalArgumentException("cannot fit without a penalty (lambda = " + lambda + "): the features are"
            + " collinear or there are fewer rows (" + n + ") than coefficients (" + d + "); use lambda > 0",
            singular);
      }
      double[] candidate = new double[d];
      double factor = 1;
      double next;
      while (true) {
        for (int a = 0; a < d; a++) {
          candidate[a] = beta[a] + factor * step.getEntry(a);
        }
        next = objective(z, y, candidate);
        // a relative 1e-12 is rounding: such a step is taken (it is how the iteration settles at the optimum)
        if (next >= objective - 1e-12 * Math.abs(objective)) {
          break;
        }
        if (factor < 1e-6) {
          // no step along the Newton direction improves the objective at double precision: stay (never worse)
          System.arraycopy(beta, 0, candidate, 0, d);
          next = objective;
          break;
        }
        factor /= 2;
      }
      double maxStep = 0;
      for (int a = 0; a < d; a++) {
        maxStep = Math.max(maxStep, Math.abs(candidate[a] - beta[a]));
      }
      System.arraycopy(candidate, 0, beta, 0, d);
      objective = next;
      if (maxStep < tolerance) {
        converged = true;
        break;
      }
    }
    double[] coef = new double[k];
    System.arraycopy(beta, 1, coef, 0, k);
    return new LogisticModel(names, mean, scale, beta[0], coef, iterations, converged);
  }

  /** The penalised log-likelihood (to be maximised). */
  private double objective(double[][] z, int[] y, double[] beta) {
    double ll = 0;
    for (int i = 0; i < z.length; i++) {
      double eta = 0;
      for (int a = 0; a < beta.length; a++) {
        eta += beta[a] * z[i][a];
      }
      // log σ(η) for y = 1, log σ(−η) for y = 0, computed without overflow
      double s = y[i] == 1 ? eta : -eta;
      ll += s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
    }
    double penalty = 0;
    for (int a = 1; a < beta.length; a++) {
      penalty += beta[a] * beta[a];
    }
    return ll - 0.5 * lambda * penalty;
  }
}
