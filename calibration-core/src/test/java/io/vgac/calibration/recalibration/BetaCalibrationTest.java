package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BetaCalibrationTest {

  private static double betaMap(double a, double b, double c, double p) {
    return Synthetic.sigmoid(a * Math.log(p) - b * Math.log1p(-p) + c);
  }

  @Test
  void recoversAKnownBetaMap() {
    Synthetic data = Synthetic.uniformReport(21, 50_000, p -> betaMap(2.0, 0.5, 0.3, p));
    BetaCalibrator fit = BetaCalibration.ofDefaults().fit(data.p, data.y);
    assertThat(fit.a()).isCloseTo(2.0, within(0.15));
    assertThat(fit.b()).isCloseTo(0.5, within(0.1));
    assertThat(fit.c()).isCloseTo(0.3, within(0.2));
    for (double p = 0.01; p < 1; p += 0.01) {
      assertThat(fit.calibrate(p)).isCloseTo(betaMap(2.0, 0.5, 0.3, p), within(0.02));
    }
  }

  @Test
  void isNearTheIdentityOnCalibratedData() {
    Synthetic data = Synthetic.calibrated(22, 50_000);
    BetaCalibrator fit = BetaCalibration.ofDefaults().fit(data.p, data.y);
    assertThat(fit.a()).isCloseTo(1.0, within(0.1));
    assertThat(fit.b()).isCloseTo(1.0, within(0.1));
    assertThat(fit.c()).isCloseTo(0.0, within(0.15));
    assertThat(BetaCalibrator.identity().calibrate(0.37)).isCloseTo(0.37, within(1e-12));
  }

  @Test
  void negativeCoefficientIsDroppedAndTheOtherRefitted() {
    // True map has a = −0.5 < 0: the fit keeps the map monotone by dropping ln p.
    Synthetic data = Synthetic.uniformReport(23, 20_000, p -> betaMap(-0.5, 2.0, 0.0, p));
    BetaCalibrator fit = BetaCalibration.ofDefaults().fit(data.p, data.y);
    assertThat(fit.a()).isEqualTo(0.0);
    assertThat(fit.b()).isGreaterThan(0.5);
    // Same with b: true b = −0.5.
    Synthetic data2 = Synthetic.uniformReport(24, 20_000, p -> betaMap(2.0, -0.5, 0.0, p));
    BetaCalibrator fit2 = BetaCalibration.ofDefaults().fit(data2.p, data2.y);
    assertThat(fit2.b()).isEqualTo(0.0);
    assertThat(fit2.a()).isGreaterThan(0.5);
  }

  @Test
  void decreasingRelationFallsBackToTheBaseRate() {
    Synthetic data = Synthetic.uniformReport(25, 20_000, p -> 1 - p);
    BetaCalibrator fit = BetaCalibration.ofDefaults().fit(data.p, data.y);
    assertThat(fit.a()).isEqualTo(0.0);
    assertThat(fit.b()).isEqualTo(0.0);
    double rate = java.util.Arrays.stream(data.y).average().orElseThrow();
    assertThat(fit.calibrate(0.9)).isCloseTo(rate, within(1e-9));
  }

  @Test
  void weightsEqualRepeatedRows() {
    double[] p = {0.1, 0.3, 0.6, 0.8, 0.95};
    int[] y = {0, 1, 0, 1, 1};
    BetaCalibrator weighted = BetaCalibration.ofDefaults().fit(p, y, new double[] {2, 1, 3, 1, 1});
    BetaCalibrator repeated =
        BetaCalibration.ofDefaults()
            .fit(new double[] {0.1, 0.1, 0.3, 0.6, 0.6, 0.6, 0.8, 0.95}, new int[] {0, 0, 1, 0, 0, 0, 1, 1});
    assertThat(weighted.a()).isCloseTo(repeated.a(), within(1e-6));
    assertThat(weighted.b()).isCloseTo(repeated.b(), within(1e-6));
    assertThat(weighted.c()).isCloseTo(repeated.c(), within(1e-6));
  }

  @Test
  void extremeProbabilitiesAreClipped() {
    BetaCalibrator fit =
        BetaCalibration.ofDefaults().fit(new double[] {0.0, 1.0, 0.0, 1.0, 0.5, 0.5}, new int[] {0, 1, 1, 1, 0, 1});
    assertThat(fit.calibrate(0.0)).isBetween(0.0, 1.0);
    assertThat(fit.calibrate(1.0)).isBetween(0.0, 1.0);
    assertThat(fit.a()).isFinite();
    assertThat(fit.b()).isFinite();
  }

  @Test
  void separableDataStaysFinite() {
    BetaCalibrator fit =
        BetaCalibration.ofDefaults().fit(new double[] {0.1, 0.2, 0.3, 0.7, 0.8, 0.9}, new int[] {0, 0, 0, 1, 1, 1});
    assertThat(fit.a()).isFinite();
    assertThat(fit.b()).isFinite();
    assertThat(fit.calibrate(0.1)).isLessThan(0.05);
    assertThat(fit.calibrate(0.9)).isGreaterThan(0.95);
    BetaCalibrator allOnes = BetaCalibration.ofDefaults().fit(new double[] {0.2, 0.4}, new int[] {1, 1});
    assertThat(allOnes.calibrate(0.3)).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
  }

  @Test
  void rejectsBadInput() {
    BetaCalibration beta = BetaCalibration.ofDefaults();
    assertThatThrownBy(() -> beta.fit(new double[] {0.2, Double.NaN}, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a probability: NaN at index 1");
    assertThatThrownBy(() -> beta.fit(new double[] {0.2, 1.5}, new int[] {0, 1}))
        .hasMessage("Not a probability: 1.5 at index 1");
    assertThatThrownBy(() -> beta.fit(new double[] {0.2}, new int[] {3})).hasMessage("Not a 0/1 label: 3 at index 0");
    assertThatThrownBy(() -> beta.fit(new double[] {0.2}, new int[] {1, 0}))
        .hasMessage("Mismatched lengths: 1 probabilities but 2 labels");
    assertThatThrownBy(() -> new BetaCalibrator(-1, 0, 0)).hasMessage("a must be in [0,∞) but was -1.0");
    assertThatThrownBy(() -> BetaCalibration.builder().l2(-1)).hasMessage("l2 must be in [0,∞) but was -1.0");
    assertThatThrownBy(() -> BetaCalibrator.identity().calibrate(Double.NaN)).hasMessage("Not a probability: NaN");
  }
}
