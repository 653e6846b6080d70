package io.vgac.calibration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.BinInterval;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.within;

class BinningTest {
  private static List<Bin> bins(double[] p, int[] y, Binning b) {
    return CalibrationMetrics.report(Predictions.of(p, y), CalibrationOptions.builder().binning(b).build()).bins();
  }

  @Test
  void equalMassNeverSplitsTiesAndMayGiveFewerBins() {
    double[] p = {0.1, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.5};
    int[] y = new int[10];
    List<Bin> b = bins(p, y, Binning.equalMass(5));
    for (Bin bin : b) {
      assertThat(bin.lo() == 0.2 && bin.hi() != 0.2).as("a bin starting in the tie must hold all of it").isFalse();
    }
    assertThat(b.stream().filter(x -> x.lo() <= 0.2 && x.hi() >= 0.2)).hasSize(1);
    assertThat(b.size()).isLessThan(5);
    assertThat(b.stream().mapToLong(Bin::n).sum()).isEqualTo(10);
  }

  @Test
  void equalMassOnDistinctScoresGivesEqualCounts() {
    double[] p = new double[100];
    int[] y = new int[100];
    for (int i = 0; i < 100; i++) {
      p[i] = (i + 0.5) / 100;
    }
    assertThat(bins(p, y, Binning.equalMass(4))).extracting(Bin::n).containsExactly(25L, 25L, 25L, 25L);
    assertThat(bins(p, y, Binning.arraySplit(3))).extracting(Bin::n).containsExactly(34L, 33L, 33L);
  }

  @Test
  void arraySplitLetsTiesStraddleChunksInInputOrder() {
    // Stable order inside the tie: the first two rows (y = 1, 1) fall in chunk one, the last two (0, 0) in chunk two.
    double[] p = {0.5, 0.5, 0.5, 0.5};
    int[] y = {1, 1, 0, 0};
    assertThat(bins(p, y, Binning.arraySplit(2))).extracting(Bin::observed).containsExactly(1.0, 0.0);
  }

  @Test
  void uniformTableListsEmptyBinsWithUndefinedRates() {
    List<Bin> b = bins(new double[] {0.05, 0.95}, new int[] {0, 1}, Binning.uniform(4));
    assertThat(b).hasSize(4);
    assertThat(b.get(1).isEmpty()).isTrue();
    assertThat(b.get(1).observed()).isNaN();
    assertThat(b.get(1).lo()).isEqualTo(0.25);
    assertThat(b.get(1).hi()).isEqualTo(0.5);
  }

  @Test
  void wilsonAndJeffreysIntervals() {
    // Wilson 95% for 3/10: [0.1078, 0.6032] (Newcombe 1998, table I style values).
    Interval w = BinInterval.WILSON.interval(3, 10, 0.95);
    assertThat(w.lo()).isCloseTo(0.1078, within(1e-4));
    assertThat(w.hi()).isCloseTo(0.6032, within(1e-4));
    // Jeffreys 95% for 3/10: Beta(3.5, 7.5) quantiles [0.0927, 0.6058].
    Interval j = BinInterval.JEFFREYS.interval(3, 10, 0.95);
    assertThat(j.lo()).isCloseTo(0.0927, within(1e-3));
    assertThat(j.hi()).isCloseTo(0.6058, within(1e-3));
    assertThat(BinInterval.JEFFREYS.interval(0, 10, 0.95).lo()).isEqualTo(0.0);
    assertThat(BinInterval.WILSON.interval(0, 0, 0.95).isDefined()).isFalse();
  }

  @Test
  void negativeZeroTiesWithZero() {
    CalibrationReport r =
        CalibrationMetrics.report(Predictions.of(new double[] {-0.0, 0.0, 1.0}, new int[] {0, 1, 1}));
    assertThat(r.bins().get(0).n()).isEqualTo(2);
    assertThat(r.auroc()).isEqualTo(0.75);
  }

  @Test
  void badBinningsAreRefused() {
    assertThatThrownBy(() -> Binning.uniform(0)).hasMessage("bins must be in [1, 1000000] but was 0");
    assertThatThrownBy(() -> Binning.edges(0, 0.5, 0.5, 1))
        .hasMessage("edges must be strictly increasing but edge 2 = 0.5 ≤ 0.5");
    assertThatThrownBy(() -> Binning.edges(0.1, 1)).hasMessage("edges must start at 0 and end at 1 but were 0.1 … 1.0");
    assertThatThrownBy(() -> Binning.of("quantile", 10))
        .hasMessage("Unknown binning: 'quantile' (expected uniform, equal-mass, array-split or distinct)");
    assertThatThrownBy(() -> new CalibrationAccumulator(Binning.arraySplit(5)))
        .hasMessage("binning must have fixed edges (uniform or edges) for streaming but was array-split");
  }
}
