package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlattScalingTest {
  private static final double[] SCORES = {5, -4, 1};
  private static final int[] LABELS = {1, 0, 0};

  @Test
  void matchesScikitLearnReferenceVector() {
    String row = ReferenceVectors.row("test_sigmoid_calibration");
    assertThat(ReferenceVectors.array(row, "scores \\[([^\\]]+)\\]")).containsExactly(SCORES);
    double expectedA = ReferenceVectors.number(row, "A = (-?[0-9.]+)");
    double expectedB = ReferenceVectors.number(row, "B = (-?[0-9.]+)");

    PlattCalibrator fit = PlattScaling.ofDefaults().fit(SCORES, LABELS);

    // libsvm's stopping rule is reproduced, so the vector (libsvm's output) is matched to rounding.
    assertThat(fit.a()).isCloseTo(expectedA, within(1e-12 * Math.abs(expectedA)));
    assertThat(fit.b()).isCloseTo(expectedB, within(1e-12 * Math.abs(expectedB)));
    assertThat(fit.input()).isEqualTo(PlattCalibrator.Input.SCORE);
    assertThat(fit.calibrate(5)).isCloseTo(1 / (1 + Math.exp(expectedA * 5 + expectedB)), within(1e-12));
  }

  @Test
  void tighterToleranceConvergesToTheExactOptimumNearTheVector() {
    PlattCalibrator exact = PlattScaling.builder().gradientTolerance(1e-13).build().fit(SCORES, LABELS);
    // At the optimum the gradient of the target cross-entropy vanishes.
    double t1 = 2.0 / 3.0;
    double t0 = 1.0 / 4.0;
    double[] t = {t1, t0, t0};
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < 3; i++) {
      double p = 1 / (1 + Math.exp(exact.a() * SCORES[i] + exact.b()));
      g1 += SCORES[i] * (t[i] - p);
      g2 += t[i] - p;
    }
    assertThat(Math.abs(g1) + Math.abs(g2)).isLessThan(1e-9);
    assertThat(exact.a()).isCloseTo(-0.20261354391187855, within(1e-5));
    assertThat(exact.b()).isCloseTo(0.65236314980010512, within(1e-5));
  }

  @Test
  void integerWeightsEqualRepeatedRows() {
    PlattScaling tight = PlattScaling.builder().gradientTolerance(1e-13).build();
    PlattCalibrator weighted = tight.fit(new double[] {2, -1, 0.5, 3}, new int[] {1, 0, 1, 0}, new double[] {3, 1, 2, 1});
    PlattCalibrator repeated =
        tight.fit(new double[] {2, 2, 2, -1, 0.5, 0.5, 3}, new int[] {1, 1, 1, 0, 1, 1, 0});
    assertThat(weighted.a()).isCloseTo(repeated.a(), within(1e-9));
    assertThat(weighted.b()).isCloseTo(repeated.b(), within(1e-9));
  }

  @Test
  void zeroWeightRowsDoNotMatter() {
    PlattScaling tight = PlattScaling.builder().gradientTolerance(1e-13).build();
    PlattCalibrator with = tight.fit(new double[] {5, -4, 1, 100}, new int[] {1, 0, 0, 1}, new double[] {1, 1, 1, 0});
    PlattCalibrator without = tight.fit(SCORES, LABELS);
    assertThat(with.a()).isCloseTo(without.a(), within(1e-9));
    assertThat(with.b()).isCloseTo(without.b(), within(1e-9));
  }

  @Test
  void logitInputRecoversAKnownPlattMapOnProbabilities() {
    // y ~ Bernoulli(σ(2·logit(p) − 0.5)): Platt's A = −2, B = 0.5 on the log-odds.
    Synthetic data = Synthetic.uniformReport(11, 40_000, p -> Synthetic.sigmoid(2 * Synthetic.logit(p) - 0.5));
    PlattCalibrator fit =
        PlattScaling.builder().input(PlattCalibrator.Input.LOGIT).build().fit(data.p, data.y);
    assertThat(fit.input()).isEqualTo(PlattCalibrator.Input.LOGIT);
    assertThat(fit.a()).isCloseTo(-2.0, within(0.08));
    assertThat(fit.b()).isCloseTo(0.5, within(0.08));
  }

  @Test
  void logitInputIsNearTheIdentityOnCalibratedData() {
    Synthetic data = Synthetic.calibrated(12, 40_000);
    PlattCalibrator fit =
        PlattScaling.builder().input(PlattCalibrator.Input.LOGIT).build().fit(data.p, data.y);
    assertThat(fit.a()).isCloseTo(-1.0, within(0.05));
    assertThat(fit.b()).isCloseTo(0.0, within(0.05));
    assertThat(new PlattCalibrator(-1, 0, PlattCalibrator.Input.LOGIT).calibrate(0.3)).isCloseTo(0.3, within(1e-12));
  }

  @Test
  void scoresMayLieOutsideTheUnitIntervalButProbabilitiesMayNot() {
    PlattCalibrator onScores = new PlattCalibrator(-1, 0, PlattCalibrator.Input.SCORE);
    assertThat(onScores.calibrate(40)).isBetween(0.0, 1.0).isCloseTo(1.0, within(1e-15));
    assertThat(onScores.calibrate(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(new PlattCalibrator(0, 0, PlattCalibrator.Input.SCORE).calibrate(Double.POSITIVE_INFINITY))
        .isEqualTo(0.5);
    assertThatThrownBy(() -> onScores.calibrate(Double.NaN)).hasMessage("Not a score: NaN");

    PlattCalibrator onLogits = new PlattCalibrator(-1, 0, PlattCalibrator.Input.LOGIT);
    assertThat(onLogits.calibrate(0.0)).isCloseTo(1e-12, within(1e-15));
    assertThat(onLogits.calibrate(1.0)).isCloseTo(1 - 1e-12, within(1e-15));
    assertThatThrownBy(() -> onLogits.calibrate(1.5)).hasMessage("Not a probability: 1.5");
    assertThatThrownBy(() -> onLogits.calibrateAll(new double[] {0.2, -0.1}))
        .hasMessage("Not a probability: -0.1 at index 1");
  }

  @Test
  void rejectsBadInputNamingIndexAndValue() {
    PlattScaling scores = PlattScaling.ofDefaults();
    PlattScaling probabilities = PlattScaling.builder().input(PlattCalibrator.Input.LOGIT).build();
    assertThatThrownBy(() -> scores.fit(new double[] {1, Double.NaN}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a finite score: NaN at index 1");
    assertThatThrownBy(() -> scores.fit(new double[] {Double.NEGATIVE_INFINITY}, new int[] {0}))
        .hasMessage("Not a finite score: -Infinity at index 0");
    assertThatThrownBy(() -> probabilities.fit(new double[] {0.5, 1.2}, new int[] {0, 1}))
        .hasMessage("Not a probability: 1.2 at index 1");
    assertThatThrownBy(() -> scores.fit(new double[] {1, 2, 3}, new int[] {0, 2, 1}))
        .hasMessage("Not a 0/1 label: 2 at index 1");
    assertThatThrownBy(() -> scores.fit(new double[] {1, 2}, new int[] {0}))
        .hasMessage("Mismatched lengths: 2 scores but 1 labels");
    assertThatThrownBy(() -> scores.fit(new double[] {1, 2}, new int[] {0, 1}, new double[] {1}))
        .hasMessage("Mismatched lengths: 2 scores but 1 weights");
    assertThatThrownBy(() -> scores.fit(new double[] {1, 2}, new int[] {0, 1}, new double[] {1, -1}))
        .hasMessage("Not a finite non-negative weight: -1.0 at index 1");
    assertThatThrownBy(() -> scores.fit(new double[] {1, 2}, new int[] {0, 1}, new double[] {0, 0}))
        .hasMessageStartingWith("All weights are zero");
    assertThatThrownBy(() -> scores.fit(new double[0], new int[0])).hasMessageStartingWith("Empty input");
  }

  @Test
  void builderFailsFastNamingFieldValueAndRange() {
    assertThatThrownBy(() -> PlattScaling.builder().maxIterations(0))
        .hasMessage("maxIterations must be ≥ 1 but was 0");
    assertThatThrownBy(() -> PlattScaling.builder().gradientTolerance(-1))
        .hasMessage("gradientTolerance must be in (0,∞) but was -1.0");
    assertThatThrownBy(() -> PlattScaling.builder().minStep(1.5)).hasMessage("minStep must be in (0,1) but was 1.5");
    assertThatThrownBy(() -> new PlattCalibrator(Double.NaN, 0, PlattCalibrator.Input.SCORE))
        .hasMessage("a must be finite but was NaN");
  }

  @Test
  void singleClassDataStaysFiniteThanksToPlattsTargets() {
    PlattCalibrator allNegative = PlattScaling.ofDefaults().fit(new double[] {1, 2, 3}, new int[] {0, 0, 0});
    assertThat(allNegative.a()).isFinite();
    assertThat(allNegative.b()).isFinite();
    // Platt's target for negatives is 1/(N₋ + 2) = 0.2, not 0.
    assertThat(allNegative.calibrate(2)).isCloseTo(0.2, within(1e-3));
  }
}
