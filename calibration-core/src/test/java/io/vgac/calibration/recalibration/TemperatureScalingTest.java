package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

  @Test
  void recoversTheTemperatureOfOverconfidentData() {
    // True log-odds z ~ N(0, 2²); reported p = σ(z / 0.7) is over-confident; the fix is T = 1/0.7.
    SplittableRandom rnd = new SplittableRandom(31);
    int n = 50_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double z = 2 * rnd.nextGaussian();
      p[i] = Synthetic.sigmoid(z / 0.7);
      y[i] = rnd.nextDouble() < Synthetic.sigmoid(z) ? 1 : 0;
    }
    TemperatureCalibrator fit = TemperatureScaling.ofDefaults().fit(p, y);
    assertThat(fit.temperature()).isCloseTo(1 / 0.7, within(0.03));
    double before = Synthetic.logLoss(p, y, 0, n);
    double after = Synthetic.logLoss(fit.calibrateAll(p), y, 0, n);
    assertThat(after).isLessThan(before);
  }

  @Test
  void findsTheExactMinimumOfTheLogLoss() {
    double[] p = {0.9, 0.8, 0.3, 0.6, 0.2, 0.95};
    int[] y = {1, 0, 0, 1, 0, 1};
    double t = TemperatureScaling.ofDefaults().fit(p, y).temperature();
    // d/dβ of the loss vanishes at β = 1/T: Σ (σ(β·z) − y)·z = 0.
    double beta = 1 / t;
    double derivative = 0;
    for (int i = 0; i < p.length; i++) {
      double z = Synthetic.logit(p[i]);
      derivative += (Synthetic.sigmoid(beta * z) - y[i]) * z;
    }
    assertThat(derivative).isCloseTo(0, within(1e-6));
  }

  @Test
  void isNearOneOnCalibratedDataAndTheIdentityAtOne() {
    Synthetic data = Synthetic.calibrated(32, 50_000);
    assertThat(TemperatureScaling.ofDefaults().fit(data.p, data.y).temperature()).isCloseTo(1.0, within(0.03));
    assertThat(new TemperatureCalibrator(1).calibrate(0.42)).isCloseTo(0.42, within(1e-12));
  }

  @Test
  void boundaryAndDegenerateCases() {
    // Labels opposed to the probabilities: the best allowed T is the largest.
    Synthetic opposed = Synthetic.uniformReport(33, 5_000, p -> 1 - p);
    assertThat(TemperatureScaling.ofDefaults().fit(opposed.p, opposed.y).temperature()).isEqualTo(20.0);
    // Perfectly separated labels: the smallest allowed T.
    TemperatureCalibrator sharp =
        TemperatureScaling.ofDefaults().fit(new double[] {0.4, 0.45, 0.55, 0.6}, new int[] {0, 0, 1, 1});
    assertThat(sharp.temperature()).isEqualTo(0.05);
    // All p = 0.5: T has no effect and stays 1.
    assertThat(TemperatureScaling.ofDefaults().fit(new double[] {0.5, 0.5}, new int[] {0, 1}).temperature())
        .isEqualTo(1.0);
    TemperatureScaling narrow = TemperatureScaling.builder().temperatureRange(0.5, 2).build();
    assertThat(narrow.fit(opposed.p, opposed.y).temperature()).isEqualTo(2.0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> TemperatureScaling.ofDefaults().fit(new double[] {Double.NaN}, new int[] {1}))
        .hasMessage("Not a probability: NaN at index 0");
    assertThatThrownBy(() -> new TemperatureCalibrator(0)).hasMessage("temperature must be in (0,∞) but was 0.0");
    assertThatThrownBy(() -> TemperatureScaling.builder().temperatureRange(2, 1))
        .hasMessage("maxTemperature must be in (2.0,∞) but was 1.0");
    assertThatThrownBy(() -> TemperatureScaling.builder().temperatureRange(0, 1))
        .hasMessage("minTemperature must be in (0,∞) but was 0.0");
  }
}
