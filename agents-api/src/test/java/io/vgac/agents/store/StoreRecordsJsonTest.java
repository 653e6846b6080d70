package io.vgac.agents.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's records on the wire: the design's snake_case attribute names, NaN kept, validation on read. */
class StoreRecordsJsonTest {
  private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void calibrationUsesTheDesignsAttributeNames() {
    CalibrationRecord r = new CalibrationRecord("eks", "kubernetes", Double.NaN, 0.02, 0.9, 5, true, true, T);
    String json = StoreJson.write(r);
    assertThat(json).isEqualTo("{\"cluster_id\":\"eks\",\"platform\":\"kubernetes\",\"current_ece\":\"NaN\","
        + "\"last_known_good_ece\":0.02,\"calibration_score\":0.9,\"sample_count\":5,\"recalibration_needed\":true,"
        + "\"is_learning_mode\":true,\"last_updated\":\"2026-01-05T10:00:00Z\"}");
    assertThat(StoreJson.read(json, CalibrationRecord.class)).isEqualTo(r);
  }

  @Test
  void profileAndPredictionUseTheDesignsAttributeNames() {
    ProfileRecord p = new ProfileRecord("eks", 4.5, 0.7, List.of(14, 9), 12);
    assertThat(p.peakHours()).containsExactly(9, 14);
    assertThat(StoreJson.write(p)).isEqualTo("{\"cluster_id\":\"eks\",\"avg_queue_depth\":4.5,"
        + "\"avg_gpu_utilization\":0.7,\"peak_hours\":[9,14],\"typical_wait_minutes\":12.0}");
    PredictionRecord q = PredictionRecord.scored("eks", T, "job-1", 10, 13, 0.8);
    assertThat(StoreJson.write(q)).isEqualTo("{\"cluster_id\":\"eks\",\"timestamp\":\"2026-01-05T10:00:00Z\","
        + "\"job_id\":\"job-1\",\"predicted_wait\":10.0,\"actual_wait\":13.0,\"confidence\":0.8,\"error\":3.0,"
        + "\"squared_error\":9.0,\"expires_at\":\"2026-02-04T10:00:00Z\"}");
    assertThat(StoreJson.read(StoreJson.write(q), PredictionRecord.class)).isEqualTo(q);
  }

  @Test
  void invalidJsonValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> StoreJson.read("{\"cluster_id\":\"eks\",\"avg_queue_depth\":1,"
        + "\"avg_gpu_utilization\":1.5,\"peak_hours\":[],\"typical_wait_minutes\":1}", ProfileRecord.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("avg_gpu_utilization must be in [0,1] but was 1.5");
  }

  @Test
  void fileFormatDetectsEveryChangedByte() {
    byte[] good = FileCalibrationStore.encode("{\"a\":1}");
    assertThat(FileCalibrationStore.decode(java.nio.file.Path.of("x"), good)).isEqualTo("{\"a\":1}");
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= 0x04;
      assertThatThrownBy(() -> FileCalibrationStore.decode(java.nio.file.Path.of("x"), bad))
          .as("byte %d", i).isInstanceOf(CorruptStoreException.class);
    }
  }

  @Test
  void clusterIdsBecomeSafeFileNames() {
    assertThat(FileCalibrationStore.encodeId("eks-prod_2")).isEqualTo("eks-prod_2");
    assertThat(FileCalibrationStore.encodeId("..")).isEqualTo("%2E%2E");
    assertThat(FileCalibrationStore.encodeId("a/b ä")).isEqualTo("a%2Fb%20%C3%A4");
  }
}
