package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Predictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CalibrationMethodTest {

  @ParameterizedTest
  @EnumSource(CalibrationMethod.class)
  void fitsWithDefaultsAndReportsItsId(CalibrationMethod method) {
    Synthetic data = Synthetic.uniformTruth(51, 5_000, t -> Synthetic.sigmoid(2 * Synthetic.logit(t)));
    Calibrator fit = method.fit(data.p, data.y);
    assertThat(fit.method()).isEqualTo(method.id());
    assertThat(CalibrationMethod.fromId(method.id())).isEqualTo(method);
    // Every method improves the log loss of over-confident probabilities on the data it was fitted on.
    double before = Synthetic.logLoss(data.p, data.y, 0, data.p.length);
    double after = Synthetic.logLoss(fit.calibrateAll(data.p), data.y, 0, data.p.length);
    assertThat(after).isLessThan(before);
    assertThat(method.fit(Predictions.of(data.p, data.y))).isEqualTo(fit);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    double[] p = {0.1, 0.4, 0.6, 0.9};
    int[] y = {0, 1, 0, 1};
    assertThat(CalibrationMethod.PLATT.fit(p, y)).isInstanceOfSatisfying(
        PlattCalibrator.class, c -> assertThat(c.input()).isEqualTo(PlattCalibrator.Input.LOGIT));
    assertThat(CalibrationMethod.ISOTONIC.fit(p, y)).isInstanceOfSatisfying(
        IsotonicCalibrator.class,
        c -> assertThat(c.interpolation()).isEqualTo(IsotonicCalibrator.Interpolation.LINEAR));
    assertThat(CalibrationMethod.HISTOGRAM.fit(p, y)).isInstanceOfSatisfying(
        HistogramCalibrator.class, c -> assertThat(c.bins()).isEqualTo(10));
    assertThat(CalibrationMethod.BETA.fit(p, y)).isInstanceOf(BetaCalibrator.class);
    assertThat(CalibrationMethod.TEMPERATURE.fit(p, y)).isInstanceOf(TemperatureCalibrator.class);
  }

  @Test
  void weightsArePassedThrough() {
    double[] p = {0.2, 0.2, 0.8};
    int[] y = {1, 0, 1};
    Calibrator weighted = CalibrationMethod.HISTOGRAM.fit(p, y, new double[] {3, 1, 1});
    assertThat(weighted.calibrate(0.2)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void rejectsBadInputAndUnknownIds() {
    assertThatThrownBy(() -> CalibrationMethod.BETA.fit(new double[] {0.5, Double.NaN}, new int[] {1, 0}))
        .hasMessage("Not a probability: NaN at index 1");
    assertThatThrownBy(() -> CalibrationMethod.fromId("spline")).hasMessage("Unknown calibration method: spline");
  }
}
