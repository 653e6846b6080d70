package io.vgac.calibration.drift;

import static io.vgac.calibration.drift.ReferenceStreams.alarms;
import static io.vgac.calibration.drift.ReferenceStreams.bernoulliShift;
import static io.vgac.calibration.drift.ReferenceStreams.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Alarm indices of MOA 2024.07.0 with default settings (reference/README.md, drift-detector vectors). */
class MoaReferenceVectorsTest {

  @Test
  void streamsHaveTheDocumentedShape() {
    assertThat(ones(bernoulliShift(1), 0, 1000)).isEqualTo(213);
    assertThat(ones(bernoulliShift(1), 1000, 2000)).isEqualTo(780);
    assertThat(ones(bernoulliShift(42), 0, 1000)).isEqualTo(170);
    assertThat(ones(bernoulliShift(42), 1000, 2000)).isEqualTo(804);
    double[] river2 = resource("river_data_stream_2.txt");
    assertThat(river2).hasSize(2000);
    assertThat(ones(river2, 0, 1000)).isEqualTo(202);
    assertThat(ones(river2, 1000, 2000)).isEqualTo(798);
    assertThat(resource("river_data_stream_1.txt")).hasSize(2000);
  }

  @Test
  void adwin() {
    assertThat(alarms(Adwin::ofDefaults, bernoulliShift(1))).containsExactly(1055, 1087, 1215);
    assertThat(alarms(Adwin::ofDefaults, bernoulliShift(42))).containsExactly(1023, 1055, 1119);
    assertThat(alarms(Adwin::ofDefaults, resource("river_data_stream_2.txt")))
        .containsExactly(1055, 1087, 1119, 1247);
    assertThat(alarms(Adwin::ofDefaults, resource("river_data_stream_1.txt"))).containsExactly(1023, 1055);
  }

  @Test
  void pageHinkley() {
    assertThat(alarms(PageHinkley::ofDefaults, bernoulliShift(1))).containsExactly(1090);
    assertThat(alarms(PageHinkley::ofDefaults, bernoulliShift(42))).containsExactly(1074);
    assertThat(alarms(PageHinkley::ofDefaults, resource("river_data_stream_2.txt"))).containsExactly(1107);
    assertThat(alarms(PageHinkley::ofDefaults, resource("river_data_stream_1.txt"))).containsExactly(1025);
  }

  @Test
  void cusum() {
    assertThat(alarms(Cusum::ofDefaults, bernoulliShift(1))).containsExactly(1082);
    assertThat(alarms(Cusum::ofDefaults, resource("river_data_stream_2.txt"))).containsExactly(1081);
    assertThat(alarms(Cusum::ofDefaults, resource("river_data_stream_1.txt"))).containsExactly(1020, 1991);
  }

  private static long ones(double[] x, int from, int to) {
    return Arrays.stream(x, from, to).filter(v -> v == 1).count();
  }
}
