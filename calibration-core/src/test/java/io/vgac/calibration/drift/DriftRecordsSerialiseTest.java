package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Results are plain records: they round-trip through Jackson without annotations. */
class DriftRecordsSerialiseTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void recordsRoundTrip() throws Exception {
    DriftAssessment assessment = EceRatioRule.ofDefaults().assess(0.06, 0.018);
    assertThat(mapper.readValue(mapper.writeValueAsString(assessment), DriftAssessment.class))
        .isEqualTo(assessment);
    CalibrationAlarm alarm = new CalibrationAlarm(12, CalibrationDeviation.OVER_CONFIDENCE, 1234.5, 1000);
    assertThat(mapper.readValue(mapper.writeValueAsString(alarm), CalibrationAlarm.class)).isEqualTo(alarm);
    PsiResult psi = new PsiResult(0.12, PsiBand.MODERATE, 100, 50);
    assertThat(mapper.readValue(mapper.writeValueAsString(psi), PsiResult.class)).isEqualTo(psi);
    assertThat(mapper.readValue(mapper.writeValueAsString(AdwinConfig.ofDefaults()), AdwinConfig.class))
        .isEqualTo(AdwinConfig.ofDefaults());
    assertThat(mapper.writeValueAsString(assessment)).contains("\"severity\":\"SIGNIFICANT\"");
  }
}
