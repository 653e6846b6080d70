package io.vgac.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading coefficients: the bundled default, and every validation error names its field. */
class LogisticWaitModelTest {
  static final String VALID = "{\"model_version\":\"m1\",\"long_wait_threshold_seconds\":600,"
      + "\"max_estimated_wait_seconds\":86400,\"intercept\":-1.5,\"coefficients\":{\"pending_ratio\":2,"
      + "\"gpu_shortfall\":0.5}}";

  /**
   * The bundled default is trace-lab's model trained on KTH-SP2 ({@code ./vgac train}; trace-lab's
   * {@code DefaultWaitModelTest} re-trains it and compares the file byte for byte). Asserted here: properties, not
   * its coefficients.
   */
  @Test
  void theBundledDefaultLoadsAndSaysWhereItCameFrom() throws Exception {
    LogisticWaitModel m = LogisticWaitModel.defaultModel();
    assertThat(m.modelVersion()).isEqualTo("trace-lab-kth-sp2-1");
    assertThat(m.longWaitThreshold()).isEqualTo(Duration.ofSeconds(600));
    assertThat(m.coefficients()).containsOnlyKeys(QueueFeature.values());
    // trained, not hand-set: more queued work per node and a larger shortfall of free units mean a higher risk
    assertThat(m.coefficient(QueueFeature.QUEUE_DEPTH_NORM)).isPositive();
    assertThat(m.coefficient(QueueFeature.GPU_SHORTFALL)).isPositive();
    try (var in = LogisticWaitModel.class.getResourceAsStream(LogisticWaitModel.DEFAULT_RESOURCE)) {
      var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      assertThat(root.get("note").asText()).contains("Trained by trace-lab", "KTH-SP2", "./vgac train");
      var md = root.get("metadata");
      assertThat(md.get("trace").asText()).isEqualTo("KTH-SP2-1996-2.1-cln");
      assertThat(md.get("data_from").asText()).startsWith("1996-");
      assertThat(md.get("split").get("test").get("jobs").asInt()).isPositive();
      assertThat(md.get("test_metrics").get("auroc").asDouble()).isBetween(0.5, 1.0);
      assertThat(md.get("test_metrics").get("ece").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void metadataMustBeAnObjectAndIsOtherwiseIgnored() {
    LogisticWaitModel m = LogisticWaitModel.fromJson(VALID.replace("{\"model_version\"",
        "{\"metadata\":{\"trace\":\"x\",\"n\":[1,2]},\"model_version\""));
    assertThat(m).isEqualTo(LogisticWaitModel.fromJson(VALID));
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("{\"model_version\"",
        "{\"metadata\":\"kth\",\"model_version\"")))
        .hasMessageContaining("metadata must be an object but was \"kth\"");
  }

  @Test
  void aValidModelParsesAndMissingFeaturesWeighZero() {
    LogisticWaitModel m = LogisticWaitModel.fromJson(VALID);
    assertThat(m.modelVersion()).isEqualTo("m1");
    assertThat(m.intercept()).isEqualTo(-1.5);
    assertThat(m.coefficient(QueueFeature.PENDING_RATIO)).isEqualTo(2.0);
    assertThat(m.coefficient(QueueFeature.CONGESTION)).isZero();
    assertThat(m.maxEstimatedWait()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void anUnknownFeatureIsRejectedByName() {
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("pending_ratio", "pending_ratoi")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coefficients.pending_ratoi is not a known feature")
        .hasMessageContaining("pending_ratio, queue_depth_norm");
  }

  @Test
  void nonNumbersAndNonFiniteNumbersAreRejectedByField() {
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"gpu_shortfall\":0.5",
        "\"gpu_shortfall\":\"0.5\"")))
        .hasMessageContaining("coefficients.gpu_shortfall must be a finite number but was \"0.5\"");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"intercept\":-1.5", "\"intercept\":1e999")))
        .hasMessageContaining("intercept must be a finite number");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"intercept\":-1.5,", "")))
        .hasMessageContaining("intercept must be a finite number but was missing");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"gpu_shortfall\":0.5",
        "\"gpu_shortfall\":null")))
        .hasMessageContaining("coefficients.gpu_shortfall must be a finite number but was null");
  }

  @Test
  void unknownMembersRangesAndShapesAreRejected() {
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"intercept\"", "\"intercpt\"")))
        .hasMessageContaining("unknown field 'intercpt'");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"long_wait_threshold_seconds\":600",
        "\"long_wait_threshold_seconds\":0")))
        .hasMessageContaining("long_wait_threshold_seconds must be in (0, 9.2e9] but was 0.0");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("86400", "60")))
        .hasMessageContaining("max_estimated_wait_seconds must be ≥ long_wait_threshold_seconds (600) but was 60");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson("[1]")).hasMessageContaining("must be an object");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson("{")).hasMessageContaining("Malformed wait model JSON");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(VALID.replace("\"m1\"", "7")))
        .hasMessageContaining("model_version must be a string but was 7");
  }

  @Test
  void aFileErrorNamesTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("model.json");
    Files.writeString(f, VALID.replace("pending_ratio", "nope"));
    assertThatThrownBy(() -> LogisticWaitModel.load(f))
        .hasMessageStartingWith(f + ": ")
        .hasMessageContaining("coefficients.nope");
    Files.writeString(f, VALID);
    assertThat(LogisticWaitModel.load(f).modelVersion()).isEqualTo("m1");
  }
}
