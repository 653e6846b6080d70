package io.vgac.calibration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dataset and both bin counts of expected-metrics.json (scikit-learn 1.2 / numpy), to 1e-9 absolute. */
class ReferenceMetricsTest {
  private static final double TOL = 1e-9;

  static Stream<Arguments> cases() throws IOException {
    JsonNode root;
    try (InputStream in = ReferenceMetricsTest.class.getResourceAsStream("/reference/expected-metrics.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<Arguments> out = new ArrayList<>();
    for (String name : ReferenceData.DATASETS) {
      for (String bins : List.of("10", "15")) {
        out.add(Arguments.of(name, Integer.parseInt(bins), root.get(name).get(bins)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {1} uniform bins")
  @MethodSource("cases")
  void uniformBinsMatchScikitLearn(String name, int bins, JsonNode e) {
    Predictions data = ReferenceData.load(name);
    CalibrationReport r =
        CalibrationMetrics.report(data, CalibrationOptions.builder().binning(Binning.uniform(bins)).build());

    assertThat(r.n()).isEqualTo(e.get("n").asInt());
    assertThat(r.positives()).isEqualTo(e.get("positives").asDouble());
    assertThat(r.auroc()).isCloseTo(e.get("auroc").asDouble(), within(TOL));
    assertThat(r.auprc()).isCloseTo(e.get("auprc").asDouble(), within(TOL));
    assertThat(r.brier()).isCloseTo(e.get("brier").asDouble(), within(TOL));
    assertThat(r.logLoss()).isCloseTo(e.get("log_loss").asDouble(), within(TOL));
    assertThat(r.ece()).isCloseTo(e.get("ece_uniform").asDouble(), within(TOL));
    assertThat(r.mce()).isCloseTo(e.get("mce_uniform").asDouble(), within(TOL));
    assertThat(r.rmsce()).isCloseTo(e.get("rmsce_uniform").asDouble(), within(TOL));
    assertThat(r.spiegelhalterZ()).isCloseTo(e.get("spiegelhalter_z").asDouble(), within(TOL));
    JsonNode m = e.get("murphy_uniform");
    assertThat(r.murphy().reliability()).isCloseTo(m.get("reliability").asDouble(), within(TOL));
    assertThat(r.murphy().resolution()).isCloseTo(m.get("resolution").asDouble(), within(TOL));
    assertThat(r.murphy().uncertainty()).isCloseTo(m.get("uncertainty").asDouble(), within(TOL));
    for (TailGap t : r.tail()) {
      JsonNode expected = e.get("tail_gap").get(Double.toString(t.tau()));
      if (expected.isNull()) {
        assertThat(t.isDefined()).as("tail %s skipped", t.tau()).isFalse();
      } else {
        assertThat(t.gap()).as("tail %s", t.tau()).isCloseTo(expected.asDouble(), within(TOL));
      }
    }
  }

  @ParameterizedTest(name = "{0} with {1} array-split bins")
  @MethodSource("cases")
  void arraySplitBinsMatchThePapersCode(String name, int bins, JsonNode e) {
    Predictions data = ReferenceData.load(name);
    CalibrationReport r =
        CalibrationMetrics.report(data, CalibrationOptions.builder().binning(Binning.arraySplit(bins)).build());

    assertThat(r.ece()).isCloseTo(e.get("ece_equal_mass").asDouble(), within(TOL));
    assertThat(r.mce()).isCloseTo(e.get("mce_equal_mass").asDouble(), within(TOL));
  }
}
