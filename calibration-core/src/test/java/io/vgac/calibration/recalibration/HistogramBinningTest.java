package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.recalibration.HistogramBinning.Strategy;
import org.junit.jupiter.api.Test;

class HistogramBinningTest {
  private static final HistogramBinning UNIFORM_10 =
      HistogramBinning.builder().strategy(Strategy.UNIFORM).bins(10).build();

  @Test
  void uniformBinsMapToObservedRatesAndEmptyBinsToMidpoints() {
    HistogramCalibrator fit = UNIFORM_10.fit(new double[] {0.05, 0.15, 0.15, 0.95, 1.0}, new int[] {1, 0, 1, 1, 0});
    assertThat(fit.bins()).isEqualTo(10);
    assertThat(fit.edges()).containsExactly(new double[] {0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1}, within(1e-15));
    assertThat(fit.calibrate(0.01)).isEqualTo(1.0);
    assertThat(fit.calibrate(0.1)).isEqualTo(0.5); // 0.1 belongs to [0.1, 0.2)
    assertThat(fit.calibrate(0.55)).isCloseTo(0.55, within(1e-15)); // empty: midpoint
    assertThat(fit.calibrate(1.0)).isEqualTo(0.5); // 1.0 belongs to the last bin
    assertThat(fit.weights()).containsExactly(1, 2, 0, 0, 0, 0, 0, 0, 0, 2);
  }

  @Test
  void equalMassBinsSplitSortedRowsIntoChunks() {
    double[] p = {0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.05};
    int[] y = {1, 0, 0, 1, 0, 1, 1, 0, 1, 1};
    HistogramCalibrator fit = HistogramBinning.builder().bins(3).build().fit(p, y);
    // Sorted: .05 .1 .2 .3 | .4 .5 .6 | .7 .8 .9 (the first chunk takes the extra row).
    assertThat(fit.edges()).containsExactly(new double[] {0, 0.35, 0.65, 1}, within(1e-15));
    assertThat(fit.rates()).containsExactly(new double[] {0.5, 2.0 / 3, 2.0 / 3}, within(1e-15));
    assertThat(fit.weights()).containsExactly(4, 3, 3);
  }

  @Test
  void tiesAcrossAChunkBoundaryGoToTheUpperBin() {
    HistogramCalibrator fit =
        HistogramBinning.builder().bins(2).build().fit(new double[] {0.2, 0.2, 0.2, 0.2}, new int[] {1, 1, 0, 0});
    assertThat(fit.edges()).containsExactly(0, 0.2, 1);
    assertThat(fit.weights()).containsExactly(0, 4);
    assertThat(fit.calibrate(0.1)).isCloseTo(0.1, within(1e-15)); // empty bin [0, 0.2): midpoint
    assertThat(fit.calibrate(0.2)).isEqualTo(0.5);
  }

  @Test
  void fewerRowsThanBinsLeaveTrailingBinsEmpty() {
    HistogramCalibrator fit = HistogramBinning.builder().bins(3).build().fit(new double[] {0.3}, new int[] {1});
    assertThat(fit.edges()).containsExactly(0, 1, 1, 1);
    assertThat(fit.calibrate(0.3)).isEqualTo(1.0);
    assertThat(fit.calibrate(0.99)).isEqualTo(1.0);
  }

  @Test
  void ratesAreWeighted() {
    HistogramCalibrator fit =
        HistogramBinning.builder().strategy(Strategy.UNIFORM).bins(1).build()
            .fit(new double[] {0.2, 0.4, 0.6}, new int[] {1, 0, 0}, new double[] {3, 1, 0});
    assertThat(fit.rates()).containsExactly(0.75);
    assertThat(fit.weights()).containsExactly(4);
  }

  @Test
  void recordValidatesItsShape() {
    assertThatThrownBy(() -> new HistogramCalibrator(new double[] {0, 0.5}, new double[] {0.1}, new double[] {1}))
        .hasMessage("edges must run from 0 to 1 but were 0.0 … 0.5");
    assertThatThrownBy(
            () -> new HistogramCalibrator(new double[] {0, 0.6, 0.4, 1}, new double[] {0, 0, 0}, new double[] {1, 1, 1}))
        .hasMessage("edges must be non-decreasing: 0.4 at index 2 after 0.6");
    assertThatThrownBy(() -> new HistogramCalibrator(new double[] {0, 1}, new double[] {1.2}, new double[] {1}))
        .hasMessage("Not a probability: 1.2 at index 0");
    assertThatThrownBy(() -> new HistogramCalibrator(new double[] {0, 1}, new double[] {0.2, 0.3}, new double[] {1}))
        .hasMessageStartingWith("Mismatched lengths");
    assertThatThrownBy(() -> HistogramBinning.builder().bins(0)).hasMessage("bins must be ≥ 1 but was 0");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> UNIFORM_10.fit(new double[] {0.2, Double.POSITIVE_INFINITY}, new int[] {0, 1}))
        .hasMessage("Not a probability: Infinity at index 1");
    assertThatThrownBy(() -> UNIFORM_10.fit(new double[0], new int[0])).hasMessageStartingWith("Empty input");
    HistogramCalibrator fit = UNIFORM_10.fit(new double[] {0.5}, new int[] {1});
    assertThatThrownBy(() -> fit.calibrate(-0.01)).hasMessage("Not a probability: -0.01");
  }
}
