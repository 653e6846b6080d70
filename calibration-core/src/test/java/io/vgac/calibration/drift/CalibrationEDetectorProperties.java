package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CalibrationEDetectorProperties {

  @Property(tries = 50)
  void neverAlarmsWhenEveryPredictionIsCertainAndRight(
      @ForAll @IntRange(min = 0, max = 1) int y, @ForAll @IntRange(min = 1, max = 5000) int length) {
    // Every increment is 0, so every factor is 1: no evidence can accumulate.
    CalibrationEDetector detector = new CalibrationEDetector(
        CalibrationEDetectorConfig.builder().alpha(0.5).build());
    for (int i = 0; i < length; i++) {
      assertThat(detector.update(y, y)).isFalse();
    }
    assertThat(detector.statistic()).isEqualTo(1.0);
  }

  @Property(tries = 200)
  void statisticIsPositiveFiniteAndTheAverageOfTheDeviations(@ForAll("rows") List<double[]> rows) {
    CalibrationEDetector detector = CalibrationEDetector.ofDefaults();
    for (double[] row : rows) {
      detector.update(row[0], (int) row[1]);
      assertThat(detector.statistic()).isPositive().isFinite();
      double mean = 0;
      for (CalibrationDeviation d : CalibrationDeviation.values()) {
        mean += detector.statistic(d) / 4;
      }
      assertThat(detector.statistic()).isCloseTo(mean, within(1e-9 * mean));
    }
    assertThat(detector.count()).isEqualTo(rows.size());
  }

  @Provide
  Arbitrary<List<double[]>> rows() {
    Arbitrary<double[]> row = Combinators.combine(
            Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 1))
        .as((p, y) -> new double[] {p, y});
    return row.list().ofMinSize(1).ofMaxSize(300);
  }
}
