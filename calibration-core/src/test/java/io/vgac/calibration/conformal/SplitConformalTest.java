package io.vgac.calibration.conformal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.vgac.calibration.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitConformalTest {

  @Test
  void rankIsTheFiniteSampleCeiling() {
    // n = 9, α = 0.1: ⌈10·0.9⌉ = 9 — the largest score; n = 8 would need the 9th of 8 → +∞.
    assertThat(SplitConformal.rank(9, 0.1)).isEqualTo(9);
    assertThat(SplitConformal.rank(8, 0.1)).isEqualTo(9);
    assertThat(SplitConformal.rank(99, 0.2)).isEqualTo(80);
    assertThat(SplitConformal.rank(100, 0.2)).isEqualTo(81); // ⌈80.8⌉
    assertThat(SplitConformal.rank(0, 0.5)).isEqualTo(1);
    assertThat(SplitConformal.rank(10, 1.0)).isZero();
    assertThat(SplitConformal.rank(10, -0.5)).isEqualTo(11);
  }

  @Test
  void quantileIsTheRankedScoreOrInfinity() {
    double[] scores = {0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6};
    assertThat(SplitConformal.quantile(scores, 0.1)).isEqualTo(0.9);
    assertThat(SplitConformal.quantile(scores, 0.2)).isEqualTo(0.8); // ⌈10·0.8⌉ = 8
    assertThat(SplitConformal.quantile(scores, 0.5)).isEqualTo(0.5); // ⌈5⌉ = 5
    assertThat(SplitConformal.quantile(new double[] {0.1, 0.2}, 0.2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(SplitConformal.quantile(new double[0], 0.5)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(scores[0]).as("input untouched").isEqualTo(0.9);
  }

  @Test
  void logResidualIntervalsAreMultiplicative() {
    assertThat(SplitConformal.absoluteLogResidual(99, 999)).isCloseTo(Math.log(10), offset(1e-12));
    Interval i = new ConformalCalibration(Math.log(10), 0.2, 50).interval(99);
    assertThat(i.lo()).isCloseTo(9, offset(1e-9));
    assertThat(i.hi()).isCloseTo(999, offset(1e-9));
    assertThat(i.level()).isCloseTo(0.8, offset(1e-15));
    Interval clipped = new ConformalCalibration(5, 0.2, 50).interval(9);
    assertThat(clipped.lo()).isZero();
    Interval unbounded = new ConformalCalibration(Double.POSITIVE_INFINITY, 0.2, 1).interval(9);
    assertThat(unbounded.lo()).isZero();
    assertThat(unbounded.hi()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  /** On exchangeable data the split-conformal interval covers with probability in [1 − α, 1 − α + 1/(n + 1)). */
  @Test
  void coversExchangeableDataAtTheNominalRate() {
    SplittableRandom random = new SplittableRandom(42);
    int n = 49;
    double alpha = 0.2;
    int trials = 20_000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      double[] predicted = new double[n];
      double[] actual = new double[n];
      for (int i = 0; i < n; i++) {
        predicted[i] = 600;
        actual[i] = lognormalWait(random);
      }
      ConformalCalibration c = SplitConformal.calibrate(predicted, actual, alpha);
      covered += c.interval(600).contains(lognormalWait(random)) ? 1 : 0;
    }
    double coverage = (double) covered / trials;
    // Exact coverage is ⌈50·0.8⌉/50 = 0.80; binomial sd of the estimate ≈ 0.0028.
    assertThat(coverage).isBetween(0.79, 0.81 + 1.0 / (n + 1));
  }

  private static double lognormalWait(SplittableRandom random) {
    double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    return Math.expm1(Math.log1p(600) + 1.2 * z);
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(() -> SplitConformal.quantile(new double[] {0.1}, 0))
        .hasMessage("alpha must be in (0,1) but was 0.0");
    assertThatThrownBy(() -> SplitConformal.quantile(new double[] {0.1}, 1))
        .hasMessage("alpha must be in (0,1) but was 1.0");
    assertThatThrownBy(() -> SplitConformal.quantile(new double[] {0.1}, Double.NaN))
        .hasMessage("alpha must be in (0,1) but was NaN");
    assertThatThrownBy(() -> SplitConformal.quantile(new double[] {0.1, -0.2}, 0.2))
        .hasMessage("score must be finite and ≥ 0 but was -0.2 at index 1");
    assertThatThrownBy(() -> SplitConformal.quantile(new double[] {Double.NaN}, 0.2))
        .hasMessage("score must be finite and ≥ 0 but was NaN at index 0");
    assertThatThrownBy(() -> SplitConformal.absoluteLogResidual(-1, 5))
        .hasMessage("predictedSeconds must be a finite wait ≥ 0 but was -1.0");
    assertThatThrownBy(() -> SplitConformal.calibrate(new double[] {1, 2}, new double[] {1, Double.NaN}, 0.2))
        .hasMessage("actualSeconds must be a finite wait ≥ 0 but was NaN at index 1");
    assertThatThrownBy(() -> SplitConformal.calibrate(new double[] {1}, new double[0], 0.2))
        .hasMessageStartingWith("actualSeconds must have the length of predictedSeconds (1)");
    assertThatThrownBy(() -> new ConformalCalibration(-0.1, 0.2, 3))
        .hasMessage("radius must be ≥ 0 or +∞ but was -0.1");
    assertThatThrownBy(() -> new ConformalCalibration(Double.NaN, 0.2, 3)).hasMessageContaining("radius");
    assertThatThrownBy(() -> WaitIntervals.around(10, Double.NaN, 0.8)).hasMessageContaining("radius");
    assertThatThrownBy(() -> WaitIntervals.around(10, 1, 1.5))
        .hasMessage("coverage must be in (0,1) but was 1.5");
  }
}
