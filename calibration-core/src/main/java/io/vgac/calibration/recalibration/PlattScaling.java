package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Fits Platt's sigmoid {@code P = 1 / (1 + exp(A·f + B))} by the robust Newton method of Lin, Lin &amp; Weng (2007)
 * as implemented in libsvm's {@code sigmoid_train} (the source of scikit-learn's {@code _sigmoid_calibration}
 * reference values): Platt's regularised targets {@code t₊ = (N₊ + 1)/(N₊ + 2)} and {@code t₋ = 1/(N₋ + 2)}, start
 * at {@code A = 0, B = ln((N₋ + 1)/(N₊ + 1))}, Hessian {@code H + σI}, backtracking line search with sufficient
 * decrease 1e-4, stop when both gradient components are below the tolerance.
 *
 * <p>With weights, {@code N₊} and {@code N₋} are the weighted class totals (as in scikit-learn), every loss term is
 * weighted, and the gradient tolerance is scaled by the mean weight so unit weights behave exactly as libsvm.
 *
 * <p>By default ({@link PlattCalibrator.Input#SCORE}) {@code f} is the raw score, which may be any finite value.
 * With {@link PlattCalibrator.Input#LOGIT} the inputs must be probabilities and {@code f} is their log-odds clipped
 * at 1e-12 — the better choice for recalibrating probabilities, since it contains the identity map
 * ({@link CalibrationMethod#PLATT} uses it).
 */
public final class PlattScaling {
  public static final PlattCalibrator.Input DEFAULT_INPUT = PlattCalibrator.Input.SCORE;
  /** libsvm's {@code max_iter}. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /** libsvm's {@code eps} on each gradient component. */
  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-5;
  /** libsvm's {@code min_step} of the line search. */
  public static final double DEFAULT_MIN_STEP = 1e-10;
  /** libsvm's {@code sigma}, added to the Hessian diagonal to keep it positive definite. */
  public static final double DEFAULT_HESSIAN_RIDGE = 1e-12;

  private static final PlattScaling DEFAULTS = builder().build();

  private final PlattCalibrator.Input input;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double minStep;
  private final double hessianRidge;

  private PlattScaling(Builder b) {
    this.input = b.input;
    this.maxIterations = b.maxIterations;
    this.gradientTolerance = b.gradientTolerance;
    this.minStep = b.minStep;
    this.hessianRidge = b.hessianRidge;
  }

  public static PlattScaling ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public PlattCalibrator.Input input() {
    return input;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public double gradientTolerance() {
    return gradientTolerance;
  }

  public double minStep() {
    return minStep;
  }

  public double hessianRidge() {
    return hessianRidge;
  }

  /** Fits on unweighted scores (or probabilities, for {@link PlattCalibrator.Input#LOGIT}). */
  public PlattCalibrator fit(double[] f, int[] labels) {
    return fit(f, labels, null);
  }

  /** Fits on scores (or probabilities, for {@link PlattCalibrator.Input#LOGIT}); null weights mean unit weights. */
  public PlattCalibrator fit(double[] f, int[] labels, double @Nullable [] weights) {
    TrainingData data =
        input == PlattCalibrator.Input.LOGIT
            ? TrainingData.ofProbabilities(f, labels, weights)
            : TrainingData.ofScores(f, labels, weights);
    return fit(data);
  }

  /**
   * Fits on validated probabilities: through their log-odds for {@link PlattCalibrator.Input#LOGIT}, as raw scores
   * (scikit-learn's behaviour on {@code predict_proba}) for {@link PlattCalibrator.Input#SCORE}.
   */
  public PlattCalibrator fit(Predictions predictions) {
    return fit(TrainingData.of(predictions));
  }

  private PlattCalibrator fit(TrainingData data) {
    int n = data.size();
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = input == PlattCalibrator.Input.LOGIT ? LogOdds.logit(data.x[i]) : data.x[i];
    }
    double[] w = data.w;
    double prior1 = data.positiveWeight;
    double prior0 = data.totalWeight - prior1;
    double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
    double loTarget = 1.0 / (prior0 + 2.0);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = data.y[i] == 1 ? hiTarget : loTarget;
    }
    // Unit weights give libsvm's criterion exactly; otherwise scale it with the weights.
    double eps = gradientTolerance * (data.totalWeight / n);

    double a = 0.0;
    double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
    double fval = objective(f, t, w, a, b);
    for (int iter = 0; iter < maxIterations; iter++) {
      double h11 = hessianRidge;
      double h22 = hessianRidge;
      double h21 = 0.0;
      double g1 = 0.0;
      double g2 = 0.0;
      for (int i = 0; i < n; i++) {
        double fApB = f[i] * a + b;
        double p;
        double q;
        // p = 1/(1+e^{fApB}), q = 1 − p, each computed from the side that cannot overflow (as libsvm does).
        if (fApB >= 0) {
          double e = Math.exp(-fApB);
          p = e / (1.0 + e);
          q = 1.0 / (1.0 + e);
        } else {
          double e = Math.exp(fApB);
          p = 1.0 / (1.0 + e);
          q = e / (1.0 + e);
        }
        double d2 = w[i] * p * q;
        h11 += f[i] * f[i] * d2;
        h22 += d2;
        h21 += f[i] * d2;
        double d1 = w[i] * (t[i] - p);
        g1 += f[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < eps && Math.abs(g2) < eps) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1.0;
      while (step >= minStep) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newF = objective(f, t, w, newA, newB);
        if (newF < fval + 0.0001 * step * gd) {
          a = newA;
          b = newB;
          fval = newF;
          break;
        }
        step /= 2.0;
      }
      if (step < minStep) {
        // Line search failed: no further progress is possible at this precision (libsvm stops here too).
        break;
      }
    }
    return new PlattCalibrator(a, b, input);
  }

  /** Σ wᵢ·[tᵢ·(fA+B) + ln(1 + e^{−(fA+B)})], the cross-entropy against the targets, evaluated stably. */
  private static double objective(double[] f, double[] t, double[] w, double a, double b) {
    double sum = 0.0;
    for (int i = 0; i < f.length; i++) {
      double fApB = f[i] * a + b;
      if (fApB >= 0) {
        sum += w[i] * (t[i] * fApB + Math.log1p(Math.exp(-fApB)));
      } else {
        sum += w[i] * ((t[i] - 1) * fApB + Math.log1p(Math.exp(fApB)));
      }
    }
    return sum;
  }

  /** Builder; every setter checks its argument. */
  public static final class Builder {
    private PlattCalibrator.Input input = DEFAULT_INPUT;
    private int maxIterations = DEFAULT_MAX_ITERATIONS;
    private double gradientTolerance = DEFAULT_GRADIENT_TOLERANCE;
    private double minStep = DEFAULT_MIN_STEP;
    private double hessianRidge = DEFAULT_HESSIAN_RIDGE;

    private Builder() {}

    /** Whether the fitted inputs are raw scores or probabilities used through their log-odds. */
    public Builder input(PlattCalibrator.Input input) {
      this.input = Objects.requireNonNull(input, "input");
      return this;
    }

    public Builder maxIterations(int maxIterations) {
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations must be ≥ 1 but was " + maxIterations);
      }
      this.maxIterations = maxIterations;
      return this;
    }

    public Builder gradientTolerance(double gradientTolerance) {
      if (!(gradientTolerance > 0) || Double.isInfinite(gradientTolerance)) {
        throw new IllegalArgumentException(
            "gradientTolerance must be in (0,∞) but was " + gradientTolerance);
      }
      this.gradientTolerance = gradientTolerance;
      return this;
    }

    public Builder minStep(double minStep) {
      if (!(minStep > 0 && minStep < 1)) {
        throw new IllegalArgumentException("minStep must be in (0,1) but was " + minStep);
      }
      this.minStep = minStep;
      return this;
    }

    public Builder hessianRidge(double hessianRidge) {
      if (!(hessianRidge > 0) || Double.isInfinite(hessianRidge)) {
        throw new IllegalArgumentException("hessianRidge must be in (0,∞) but was " + hessianRidge);
      }
      this.hessianRidge = hessianRidge;
      return this;
    }

    public PlattScaling build() {
      return new PlattScaling(this);
    }
  }
}
