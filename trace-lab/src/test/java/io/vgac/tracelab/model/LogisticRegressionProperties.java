package io.vgac.tracelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** IRLS against a naive gradient-ascent fit of the same objective, and its monotone Newton steps. */
class LogisticRegressionProperties {

  record Data(List<String> names, double[][] x, int[] y) {}

  /** n rows of k features (scales from 0.01 to 100, some correlated), labels from a noisy logistic model. */
  static Data data(long seed, int n, int k) {
    Random r = new Random(seed);
    double[][] x = new double[n][k];
    double[] truth = new double[k];
    double[] scale = new double[k];
    for (int j = 0; j < k; j++) {
      truth[j] = r.nextGaussian();
      scale[j] = Math.pow(10, r.nextInt(5) - 2);
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double z = r.nextGaussian() * 0.5;
      for (int j = 0; j < k; j++) {
        double v = j > 0 && r.nextInt(3) == 0 ? x[i][j - 1] / scale[j - 1] + r.nextGaussian() : r.nextGaussian();
        x[i][j] = v * scale[j];
        z += truth[j] * v;
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      names.add("x" + j);
    }
    return new Data(names, x, y);
  }

  static boolean bothClasses(int[] y) {
    int s = 0;
    for (int v : y) {
      s += v;
    }
    return s > 0 && s < y.length;
  }

  /** Plain gradient ascent on the same penalised log-likelihood, standardised as the fit does. */
  static double[] gradientAscent(Data d, LogisticModel standardisation, double lambda) {
    int n = d.x().length;
    int k = d.names().size();
    double[][] z = new double[n][k + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int j = 0; j < k; j++) {
        z[i][j + 1] = (d.x()[i][j] - standardisation.mean()[j]) / standardisation.scale()[j];
      }
    }
    double[] beta = new double[k + 1];
    // Lipschitz bound of the gradient: (n/4)·(1 + k) for standardised columns, plus λ
    double step = 1 / (0.25 * n * (k + 1) + lambda);
    for (int it = 0; it < 200_000; it++) {
      double[] g = new double[k + 1];
      for (int i = 0; i < n; i++) {
        double eta = 0;
        for (int a = 0; a <= k; a++) {
          eta += beta[a] * z[i][a];
        }
        double r = d.y()[i] - 1 / (1 + Math.exp(-eta));
        for (int a = 0; a <= k; a++) {
          g[a] += r * z[i][a];
        }
      }
      double norm = 0;
      for (int a = 0; a <= k; a++) {
        if (a > 0) {
          g[a] -= lambda * beta[a];
        }
        norm = Math.max(norm, Math.abs(g[a]));
        beta[a] += step * g[a];
      }
      if (norm < 1e-10) {
        break;
      }
    }
    return beta;
  }

  @Property(tries = 60)
  void irlsFindsTheOptimumThatGradientAscentFinds(@ForAll long seed, @ForAll @IntRange(min = 8, max = 60) int n,
      @ForAll @IntRange(min = 1, max = 4) int k, @ForAll @DoubleRange(min = 0.5, max = 5) double lambda) {
    Data d = data(seed, n, k);
    Assume.that(bothClasses(d.y()));
    LogisticRegression fitter = LogisticRegression.withLambda(lambda);
    LogisticModel m = fitter.fit(d.names(), d.x(), d.y());
    assertThat(m.converged()).isTrue();
    double[] gd = gradientAscent(d, m, lambda);
    assertThat(m.intercept()).isCloseTo(gd[0], org.assertj.core.data.Offset.offset(1e-5));
    for (int j = 0; j < k; j++) {
      assertThat(m.coefficients()[j]).isCloseTo(gd[j + 1], org.assertj.core.data.Offset.offset(1e-5));
    }
    LogisticModel gdModel = new LogisticModel(d.names(), m.mean(), m.scale(), gd[0],
        java.util.Arrays.copyOfRange(gd, 1, k + 1), 0, true);
    // IRLS is at least as good as gradient ascent on the objective they share
    assertThat(fitter.penalisedLogLikelihood(m, d.x(), d.y()))
        .isGreaterThanOrEqualTo(fitter.penalisedLogLikelihood(gdModel, d.x(), d.y()) - 1e-9);
  }

  @Property(tries = 100)
  void theObjectiveNeverFallsFromOneNewtonStepToTheNext(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 80) int n, @ForAll @IntRange(min = 1, max = 5) int k,
      @ForAll @DoubleRange(min = 0.01, max = 3) double lambda) {
    Data d = data(seed, n, k);
    LogisticRegression fitter = LogisticRegression.withLambda(lambda);
    LogisticModel full = fitter.fit(d.names(), d.x(), d.y());
    double previous = Double.NEGATIVE_INFINITY;
    // the fit capped at s steps is the s-th iterate (deterministic), so the objective along the path is visible
    for (int s = 1; s <= full.iterations(); s++) {
      LogisticModel capped = fitter.withMaxIterations(s).fit(d.names(), d.x(), d.y());
      assertThat(capped.iterations()).isEqualTo(s);
      double objective = fitter.penalisedLogLikelihood(capped, d.x(), d.y());
      assertThat(objective).isGreaterThanOrEqualTo(previous - 1e-12 * Math.abs(previous) - 1e-300);
      previous = objective;
    }
    assertThat(previous).isEqualTo(fitter.penalisedLogLikelihood(full, d.x(), d.y()));
  }

  @org.junit.jupiter.api.Test
  void withoutAPenaltyASingularSystemIsANamedError() {
    double[][] x = {{1, 2}, {2, 4}, {3, 6}};
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogisticRegression.withLambda(0).fit(List.of("a",
        "b"), x, new int[] {0, 1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot fit without a penalty (lambda = 0.0): the features are collinear");
    assertThat(LogisticRegression.withLambda(1).fit(List.of("a", "b"), x, new int[] {0, 1, 0}).converged()).isTrue();
  }
}
