package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibratorJsonTest {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static <T> T roundTrip(T value) {
    try {
      @SuppressWarnings("unchecked")
      Class<T> type = (Class<T>) value.getClass();
      return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
    } catch (Exception e) {
      throw new AssertionError("JSON round trip failed for " + value, e);
    }
  }

  static List<Object> fittedExamples() {
    Synthetic data = Synthetic.uniformTruth(61, 2_000, t -> Synthetic.sigmoid(1.5 * Synthetic.logit(t)));
    OnlinePlattScaling online = OnlinePlattScaling.create();
    for (int i = 0; i < data.p.length; i++) {
      online.update(data.p[i], data.y[i]);
    }
    return List.of(
        PlattScaling.ofDefaults().fit(data.p, data.y),
        CalibrationMethod.PLATT.fit(data.p, data.y),
        CalibrationMethod.ISOTONIC.fit(data.p, data.y),
        IsotonicRegression.builder().interpolation(IsotonicCalibrator.Interpolation.STEP).build().fit(data.p, data.y),
        CalibrationMethod.BETA.fit(data.p, data.y),
        CalibrationMethod.HISTOGRAM.fit(data.p, data.y),
        CalibrationMethod.TEMPERATURE.fit(data.p, data.y),
        online.snapshot(),
        online.state(),
        OnlinePlattConfig.ofDefaults());
  }

  @Test
  void everyRecordRoundTripsToAnEqualRecord() throws Exception {
    for (Object value : fittedExamples()) {
      Object back = roundTrip(value);
      assertThat(back).isEqualTo(value).hasSameHashCodeAs(value);
      assertThat(MAPPER.writeValueAsString(back)).isEqualTo(MAPPER.writeValueAsString(value));
    }
  }

  @Test
  void jsonHoldsOnlyThePlainParameters() throws Exception {
    assertThat(MAPPER.writeValueAsString(new BetaCalibrator(1.5, 0.5, -0.25)))
        .isEqualTo("{\"a\":1.5,\"b\":0.5,\"c\":-0.25}");
    assertThat(MAPPER.writeValueAsString(new PlattCalibrator(-1, 0.5, PlattCalibrator.Input.LOGIT)))
        .isEqualTo("{\"a\":-1.0,\"b\":0.5,\"input\":\"LOGIT\"}");
    assertThat(MAPPER.writeValueAsString(
            new IsotonicCalibrator(new double[] {0, 1}, new double[] {0.2, 0.7}, IsotonicCalibrator.Interpolation.STEP)))
        .isEqualTo("{\"x\":[0.0,1.0],\"y\":[0.2,0.7],\"interpolation\":\"STEP\"}");
  }

  @Test
  void readingInvalidParametersFailsInTheRecordsChecks() {
    String json = "{\"x\":[1.0,0.0],\"y\":[0.2,0.7],\"interpolation\":\"STEP\"}";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MAPPER.readValue(json, IsotonicCalibrator.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("Knot inputs must be strictly increasing: 0.0 at index 1 after 1.0");
  }

  @Test
  void arrayRecordsCompareByContentAndCopyDefensively() {
    double[] x = {0.1, 0.5};
    double[] y = {0.2, 0.6};
    IsotonicCalibrator iso = new IsotonicCalibrator(x, y, IsotonicCalibrator.Interpolation.LINEAR);
    IsotonicCalibrator same =
        new IsotonicCalibrator(new double[] {0.1, 0.5}, new double[] {0.2, 0.6}, IsotonicCalibrator.Interpolation.LINEAR);
    assertThat(iso).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(iso).isNotEqualTo(
        new IsotonicCalibrator(x, y, IsotonicCalibrator.Interpolation.STEP));
    x[0] = 0.4;
    iso.y()[1] = 0.9;
    assertThat(iso).isEqualTo(same);
    assertThat(iso.toString()).contains("[0.1, 0.5]");

    double[] edges = {0, 0.5, 1};
    HistogramCalibrator h = new HistogramCalibrator(edges, new double[] {0.1, 0.9}, new double[] {2, 3});
    edges[1] = 0.7;
    h.rates()[0] = 0.5;
    assertThat(h).isEqualTo(new HistogramCalibrator(new double[] {0, 0.5, 1}, new double[] {0.1, 0.9}, new double[] {2, 3}));
    assertThat(h.calibrate(0.6)).isEqualTo(0.9);
  }
}
