package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Seeded simulations of the e-detector's false-alarm and detection behaviour, plus its contract. */
class CalibrationEDetectorTest {

  /** Beta(1,4) by inversion: mean 0.2, the shape of a typical "will this job wait" score. */
  private static double beta14(SplittableRandom random) {
    return 1 - Math.pow(1 - random.nextDouble(), 0.25);
  }

  /**
   * Feeds {@code length} rows with p ~ Beta(1,4) (or uniform) and y ~ Bernoulli(truth(p)) from row
   * {@code shiftAt} on (calibrated before); returns the 0-based alarm index, or −1.
   */
  private static long firstAlarm(
      CalibrationEDetector detector, long seed, boolean uniform, int length, int shiftAt,
      DoubleUnaryOperator truth) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < length; t++) {
      double p = uniform ? random.nextDouble() : beta14(random);
      double q = t < shiftAt ? p : truth.applyAsDouble(p);
      int y = random.nextDouble() < q ? 1 : 0;
      if (detector.update(p, y)) {
        return t;
      }
    }
    return -1;
  }

  @Test
  void atMostOneInTenCalibratedStreamsAlarms() {
    // 100 seeded streams per score distribution rather than 10, so the rate is measured, not a lucky draw
    // (about 3 in 100 for both over 1,000 streams).
    for (boolean uniform : new boolean[] {false, true}) {
      int alarms = 0;
      for (int s = 0; s < 100; s++) {
        CalibrationEDetector detector = CalibrationEDetector.ofDefaults();
        if (firstAlarm(detector, 1_000 + s, uniform, 5_000, Integer.MAX_VALUE, p -> p) >= 0) {
          alarms++;
        }
      }
      assertThat(alarms).as("uniform=%s", uniform).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void aShiftOfEightPointsIsCaughtWithin1500Rows() {
    // 1,000 calibrated rows, then the true rate is p + 0.08: the alarm must come after the shift, within 1,500.
    for (boolean uniform : new boolean[] {false, true}) {
      int caught = 0;
      for (int s = 0; s < 10; s++) {
        CalibrationEDetector detector = CalibrationEDetector.ofDefaults();
        long at = firstAlarm(detector, 5_000 + s, uniform, 3_000, 1_000, p -> Math.min(1, p + 0.08));
        if (at >= 1_000 && at < 2_500) {
          caught++;
          CalibrationDeviation deviation = detector.alarm().orElseThrow().deviation();
          if (uniform) {
            assertThat(deviation).isEqualTo(CalibrationDeviation.UNDER_PREDICTION);
          } else {
            // With scores mostly below 1/2, raising every rate also makes the low scores too extreme: either
            // reading is right, never "over".
            assertThat(deviation)
                .isIn(CalibrationDeviation.UNDER_PREDICTION, CalibrationDeviation.OVER_CONFIDENCE);
          }
        }
      }
      assertThat(caught).as("uniform=%s", uniform).isGreaterThanOrEqualTo(9);
    }
  }

  @Test
  void meanRunLengthUnderCalibrationIsAtLeastOneOverAlpha() {
    // α = 0.05: the guarantee is E[run length] ≥ 20. Truncating at 2,000 can only lower the estimate.
    CalibrationEDetectorConfig config = CalibrationEDetectorConfig.builder().alpha(0.05).build();
    int streams = 200;
    double total = 0;
    for (int s = 0; s < streams; s++) {
      long at = firstAlarm(new CalibrationEDetector(config), 90_000 + s, false, 2_000, Integer.MAX_VALUE, p -> p);
      total += at < 0 ? 2_000 : at + 1;
    }
    double meanRunLength = total / streams;
    assertThat(meanRunLength).isGreaterThanOrEqualTo(1 / config.alpha());
    // Far above the bound in practice (about 1,550 measured), and a miscalibrated stream is much shorter:
    double shifted = 0;
    for (int s = 0; s < streams; s++) {
      long at = firstAlarm(new CalibrationEDetector(config), 90_000 + s, false, 2_000, 0, p -> Math.min(1, p + 0.08));
      shifted += at < 0 ? 2_000 : at + 1;
    }
    assertThat(shifted / streams).isLessThan(meanRunLength / 3);
  }

  @Test
  void reportsTheDirectionOfTheDrift() {
    assertDirection(p -> Math.max(0, p - 0.15), CalibrationDeviation.OVER_PREDICTION, DriftDirection.OVER);
    assertDirection(p -> Math.min(1, p + 0.15), CalibrationDeviation.UNDER_PREDICTION, DriftDirection.UNDER);
    // Too extreme: the truth is half-way back to 1/2.
    assertDirection(p -> 0.5 + 0.5 * (p - 0.5), CalibrationDeviation.OVER_CONFIDENCE, DriftDirection.SPREAD);
    // Too timid: the truth is further from 1/2 than the prediction.
    assertDirection(
        p -> Math.max(0, Math.min(1, 0.5 + 1.8 * (p - 0.5))),
        CalibrationDeviation.UNDER_CONFIDENCE, DriftDirection.SPREAD);
  }

  private static void assertDirection(
      DoubleUnaryOperator truth, CalibrationDeviation deviation, DriftDirection direction) {
    CalibrationEDetector detector = CalibrationEDetector.ofDefaults();
    long at = firstAlarm(detector, 77, true, 5_000, 0, truth);
    assertThat(at).as("%s", deviation).isBetween(0L, 4_999L);
    CalibrationAlarm alarm = detector.alarm().orElseThrow();
    assertThat(alarm.deviation()).isEqualTo(deviation);
    assertThat(alarm.direction()).isEqualTo(direction);
    assertThat(alarm.index()).isEqualTo(at);
    assertThat(alarm.statistic()).isGreaterThanOrEqualTo(1000).isEqualTo(detector.statistic());
    assertThat(alarm.threshold()).isEqualTo(detector.threshold());
    assertThat(detector.strongestDeviation()).isEqualTo(deviation);
  }

  @Test
  void statisticIsTheAverageOfTheECusums() {
    CalibrationEDetector detector =
        new CalibrationEDetector(CalibrationEDetectorConfig.builder().bets(List.of(0.5)).build());
    assertThat(detector.statistic()).isZero();
    // p = 0.2, y = 1: residual 0.8, spread term (2p − 1)·0.8 = −0.48.
    detector.update(0.2, 1);
    assertThat(detector.statistic(CalibrationDeviation.UNDER_PREDICTION)).isEqualTo(1.4);
    assertThat(detector.statistic(CalibrationDeviation.OVER_PREDICTION)).isEqualTo(0.6);
    assertThat(detector.statistic(CalibrationDeviation.OVER_CONFIDENCE)).isEqualTo(1.24);
    assertThat(detector.statistic(CalibrationDeviation.UNDER_CONFIDENCE)).isEqualTo(0.76);
    assertThat(detector.statistic()).isEqualTo((1.4 + 0.6 + 1.24 + 0.76) / 4);
    // The CUSUM restart: a statistic below 1 restarts from 1, one above keeps its evidence.
    detector.update(0.2, 1);
    assertThat(detector.statistic(CalibrationDeviation.UNDER_PREDICTION)).isCloseTo(1.96, offset(1e-12));
    assertThat(detector.statistic(CalibrationDeviation.OVER_PREDICTION)).isCloseTo(0.6, offset(1e-12));
    assertThat(detector.count()).isEqualTo(2);
  }

  @Test
  void keepsTheFirstAlarmUntilReset() {
    CalibrationEDetector detector =
        new CalibrationEDetector(CalibrationEDetectorConfig.builder().alpha(0.1).build());
    assertThat(detector.alarm()).isEmpty();
    int t = 0;
    while (!detector.update(0.05, 1)) {
      t++;
    }
    assertThat(detector.alarm()).get().extracting(CalibrationAlarm::index).isEqualTo((long) t);
    assertThat(detector.update(0.05, 1)).isTrue();
    assertThat(detector.alarm()).get().extracting(CalibrationAlarm::index).isEqualTo((long) t);
    detector.reset();
    assertThat(detector.alarm()).isEmpty();
    assertThat(detector.count()).isZero();
    assertThat(detector.statistic()).isZero();
    assertThat(detector.update(0.05, 1)).isFalse();
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    CalibrationEDetector detector = CalibrationEDetector.ofDefaults();
    assertThatThrownBy(() -> detector.update(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a probability: NaN");
    assertThatThrownBy(() -> detector.update(1.2, 1)).hasMessage("Not a probability: 1.2");
    assertThatThrownBy(() -> detector.update(0.5, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a 0/1 label: 2");
    assertThat(detector.count()).isZero();
  }

  @Test
  void configFailsFastNamingFieldValueAndRange() {
    assertThat(CalibrationEDetectorConfig.ofDefaults().alpha()).isEqualTo(0.001);
    assertThat(CalibrationEDetectorConfig.ofDefaults().bets()).containsExactly(0.025, 0.05, 0.1, 0.2, 0.4, 0.8);
    assertThatThrownBy(() -> CalibrationEDetectorConfig.builder().alpha(1.5).build())
        .hasMessage("alpha must be in (0,1) but was 1.5");
    assertThatThrownBy(() -> CalibrationEDetectorConfig.builder().alpha(Double.NaN).build())
        .hasMessage("alpha must be in (0,1) but was NaN");
    assertThatThrownBy(() -> CalibrationEDetectorConfig.builder().bets(List.of()).build())
        .hasMessage("bets must hold at least one value in (0,1) but was empty");
    assertThatThrownBy(() -> CalibrationEDetectorConfig.builder().bets(List.of(0.1, 1.0)).build())
        .hasMessage("bets must be in (0,1) but was 1.0 at index 1");
  }

  @Test
  void cliWords() {
    assertThat(DriftDirection.OVER.word()).isEqualTo("over");
    assertThat(DriftDirection.UNDER.word()).isEqualTo("under");
    assertThat(DriftDirection.SPREAD.word()).isEqualTo("spread");
    assertThat(DriftDirection.UNKNOWN.word()).isEqualTo("unknown");
  }
}
