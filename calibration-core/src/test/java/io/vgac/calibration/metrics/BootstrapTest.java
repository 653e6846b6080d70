package io.vgac.calibration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Interval;
import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  private static Predictions synthetic(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(rnd.nextDouble() * 100) / 100.0; // ties on purpose
      y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
    }
    return Predictions.of(p, y);
  }

  @Test
  void sameSeedSameIntervalsWhateverTheParallelism() {
    Predictions data = synthetic(2_000, 1);
    CalibrationOptions o = CalibrationOptions.ofDefaults();
    BootstrapResult one = Bootstrap.run(data, o, BootstrapConfig.builder().resamples(60).seed(5).parallelism(1).build());
    BootstrapResult two = Bootstrap.run(data, o, BootstrapConfig.builder().resamples(60).seed(5).parallelism(2).build());
    BootstrapResult other = Bootstrap.run(data, o, BootstrapConfig.builder().resamples(60).seed(6).parallelism(2).build());
    assertThat(two).isEqualTo(one);
    assertThat(other.intervals()).isNotEqualTo(one.intervals());
  }

  /**
   * The weighted pass over the sorted data must give exactly what a copy-per-resample bootstrap gives: rebuild each
   * resample as duplicated rows, compute its report from scratch, and compare the percentile intervals.
   */
  @Test
  void resamplingWeightsEqualExplicitResampledCopies() {
    Predictions data = synthetic(300, 2);
    for (Binning binning : new Binning[] {Binning.uniform(10), Binning.arraySplit(7), Binning.equalMass(5)}) {
      CalibrationOptions o = CalibrationOptions.builder().binning(binning).build();
      int r = 40;
      long seed = 99;
      BootstrapResult fast = Bootstrap.run(data, o, BootstrapConfig.builder().resamples(r).seed(seed).build());

      SortedPredictions s = SortedPredictions.of(data);
      Metric[] metrics = Metric.values();
      double[][] values = new double[metrics.length][r];
      int n = s.size();
      for (int i = 0; i < r; i++) {
        SplittableRandom rnd = new SplittableRandom(Bootstrap.mix(seed, i));
        int[] counts = new int[n];
        for (int j = 0; j < n; j++) {
          counts[rnd.nextInt(n)]++;
        }
        double[] p = new double[n];
        int[] y = new int[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
          for (int c = 0; c < counts[k]; c++) {
            p[m] = s.p[k];
            y[m] = s.y[k];
            m++;
          }
        }
        CalibrationReport copy = CalibrationMetrics.report(Predictions.of(p, y), o);
        for (int k = 0; k < metrics.length; k++) {
          values[k][i] = metrics[k].valueOf(copy);
        }
      }
      for (int k = 0; k < metrics.length; k++) {
        Interval expected = Bootstrap.percentile(values[k], 0.95);
        Interval actual = fast.interval(metrics[k]);
        assertThat(actual).as("%s %s", binning, metrics[k]).isNotNull();
        assertThat(actual.lo()).as("%s %s lo", binning, metrics[k]).isCloseTo(expected.lo(), within(1e-9));
        assertThat(actual.hi()).as("%s %s hi", binning, metrics[k]).isCloseTo(expected.hi(), within(1e-9));
      }
    }
  }

  @Test
  void stratifiedResamplesKeepTheCountOfPositives() {
    Predictions data = synthetic(1_000, 3);
    BootstrapResult r =
        Bootstrap.run(
            data,
            CalibrationOptions.ofDefaults(),
            BootstrapConfig.builder().resamples(50).stratified(true).metrics(Metric.PREVALENCE, Metric.AUROC).build());
    double prevalence = data.positives() / (double) data.size();
    assertThat(r.interval(Metric.PREVALENCE).lo()).isCloseTo(prevalence, within(1e-12));
    assertThat(r.interval(Metric.PREVALENCE).hi()).isCloseTo(prevalence, within(1e-12));
    assertThat(r.interval(Metric.AUROC).width()).isGreaterThan(0);
  }

  @Test
  void intervalsCoverThePointEstimateAndShrinkWithMoreData() {
    CalibrationOptions o = CalibrationOptions.ofDefaults();
    BootstrapConfig c = BootstrapConfig.builder().resamples(200).seed(1).metrics(Metric.BRIER, Metric.AUROC).build();
    Predictions small = synthetic(500, 4);
    Predictions large = synthetic(20_000, 4);
    BootstrapResult rs = Bootstrap.run(small, o, c);
    BootstrapResult rl = Bootstrap.run(large, o, c);
    CalibrationReport point = CalibrationMetrics.report(small, o);
    assertThat(rs.interval(Metric.BRIER).contains(point.brier())).isTrue();
    assertThat(rs.interval(Metric.AUROC).contains(point.auroc())).isTrue();
    assertThat(rl.interval(Metric.BRIER).width()).isLessThan(rs.interval(Metric.BRIER).width() / 3);
  }

  @Test
  void undefinedResamplesAreCountedAndLeftOut() {
    // Two positives in 200 rows: some resamples draw no positive, where AUROC is undefined.
    double[] p = new double[200];
    int[] y = new int[200];
    Arrays.fill(p, 0.3);
    y[0] = 1;
    y[1] = 1;
    p[0] = 0.9;
    BootstrapResult r =
        Bootstrap.run(
            Predictions.of(p, y),
            CalibrationOptions.ofDefaults(),
            BootstrapConfig.builder().resamples(300).seed(2).metrics(Metric.AUROC).build());
    assertThat(r.undefinedResamples().get(Metric.AUROC)).isBetween(10, 80);
    assertThat(r.interval(Metric.AUROC).isDefined()).isTrue();
  }

  @Test
  void progressIsReportedForEveryResample() {
    AtomicInteger max = new AtomicInteger();
    Bootstrap.run(
        synthetic(100, 5),
        CalibrationOptions.ofDefaults(),
        BootstrapConfig.builder().resamples(25).progress(d -> max.accumulateAndGet(d, Math::max)).build());
    assertThat(max.get()).isEqualTo(25);
  }

  @Test
  void badConfigurationNamesTheField() {
    assertThatThrownBy(() -> BootstrapConfig.builder().resamples(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be in [1, 1000000] but was 0");
    assertThatThrownBy(() -> BootstrapConfig.builder().level(1.0))
        .hasMessage("level must be in (0,1) but was 1.0");
  }
}
