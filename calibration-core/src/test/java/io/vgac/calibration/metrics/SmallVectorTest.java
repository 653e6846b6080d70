package io.vgac.calibration.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.Binning;
import org.junit.jupiter.api.Test;

/** The small vectors quoted in reference/README.md from other libraries' documentation and tests. */
class SmallVectorTest {
  private static CalibrationReport report(double[] p, int[] y, Binning binning) {
    return CalibrationMetrics.report(Predictions.of(p, y), CalibrationOptions.builder().binning(binning).build());
  }

  @Test
  void torchmetricsBinaryCalibrationError() {
    CalibrationReport r =
        report(new double[] {0.25, 0.25, 0.55, 0.75, 0.75}, new int[] {0, 0, 1, 1, 1}, Binning.uniform(2));
    assertThat(r.ece()).isCloseTo(0.2900, within(5e-5));
    assertThat(r.rmsce()).isCloseTo(0.2918, within(5e-5));
    assertThat(r.mce()).isCloseTo(0.3167, within(5e-5));
  }

  @Test
  void scikitLearnCalibrationCurve() {
    CalibrationReport r =
        report(
            new double[] {.1, .2, .3, .4, .65, .7, .8, .9, 1.0},
            new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1},
            Binning.uniform(3));
    assertThat(r.bins()).extracting(Bin::observed).containsExactly(0.0, 0.5, 1.0);
    assertThat(r.bins().get(0).meanP()).isCloseTo(0.2, within(1e-12));
    assertThat(r.bins().get(1).meanP()).isCloseTo(0.525, within(1e-12));
    assertThat(r.bins().get(2).meanP()).isCloseTo(0.85, within(1e-12));
    assertThat(r.ece()).isCloseTo(0.138889, within(1e-6));
  }

  @Test
  void scikitLearnBrierAndRanking() {
    assertThat(CalibrationMetrics.brier(new double[] {.1, .9, .8, .3}, new int[] {0, 1, 1, 0}))
        .isCloseTo(0.0375, within(1e-12));
    CalibrationReport r =
        report(new double[] {.1, .4, .35, .8}, new int[] {0, 0, 1, 1}, Binning.uniform(10));
    assertThat(r.auroc()).isCloseTo(0.75, within(1e-12));
    assertThat(r.auprc()).isCloseTo(0.8333333333, within(1e-9));
  }

  @Test
  void uncertaintyCalibrationPluginAndEqualMass() {
    double[] p = {.6, .7, .8, .9};
    int[] y = {0, 0, 1, 1};
    assertThat(report(p, y, Binning.uniform(2)).ece()).isCloseTo(0.25, within(1e-12));
    assertThat(report(p, y, Binning.arraySplit(2)).ece()).isCloseTo(0.4, within(1e-12));
    assertThat(report(p, y, Binning.equalMass(2)).ece()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void uncertaintyCalibrationDiscreteBinsDebiased() {
    CalibrationReport r =
        report(
            new double[] {.5, .5, .5, .6, .5, .6, .6, .6, .6},
            new int[] {0, 1, 0, 1, 0, 1, 1, 1, 0},
            Binning.distinct());
    assertThat(r.ece()).isCloseTo(0.2222, within(5e-5));
    assertThat(r.rmsce()).isCloseTo(0.223607, within(1e-6));
    assertThat(r.eceDebiased()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void mapieSpiegelhalter() {
    CalibrationReport r =
        report(new double[] {.1, .9, .21, .9, .5}, new int[] {0, 1, 0, 1, 0}, Binning.uniform(10));
    assertThat(r.spiegelhalterZ()).isCloseTo(-0.757, within(5e-4));
  }

  @Test
  void murphyDecompositionTwelvePoints() {
    double[] a = {0, .25, .25, .25, .25, .5, .5, .75, .75, .75, .75, 1};
    int[] y = {0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1};
    CalibrationReport r = report(a, y, Binning.distinct());
    assertThat(r.brier()).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(r.murphy().reliability()).isCloseTo(0, within(1e-12));
    assertThat(r.murphy().resolution()).isCloseTo(1.0 / 12, within(1e-12));
    assertThat(r.murphy().uncertainty()).isCloseTo(0.25, within(1e-12));
    // Forecast values are already calibrated and increasing, so PAV changes nothing: MCB = 0, DSC = RES.
    assertThat(r.corp().miscalibration()).isCloseTo(0, within(1e-12));
    assertThat(r.corp().discrimination()).isCloseTo(1.0 / 12, within(1e-12));
  }

  @Test
  void edgeConventionLeftClosedBins() {
    assertThat(report(new double[] {.2, .5, .8}, new int[] {0, 1, 1}, Binning.uniform(2)).ece())
        .isCloseTo(0.3, within(1e-12));
    // The (a,b] convention would give 0.1667: 0.5 must land in the upper bin.
    assertThat(report(new double[] {.2, .5, .8}, new int[] {0, 1, 1}, Binning.edges(0, .5, 1)).ece())
        .isCloseTo(0.3, within(1e-12));
  }

  @Test
  void edgeConventionOneBelongsToTheLastBin() {
    CalibrationReport r = report(new double[] {.95, 1.0}, new int[] {1, 0}, Binning.uniform(10));
    assertThat(r.ece()).isCloseTo(0.475, within(1e-12));
    assertThat(r.bins()).hasSize(10);
    assertThat(r.bins().get(9).n()).isEqualTo(2);
    assertThat(r.bins().stream().filter(Bin::isEmpty)).hasSize(9);
  }

  @Test
  void oneClassLeavesRankingMetricsUndefined() {
    CalibrationReport r = report(new double[] {.2, .4, .9}, new int[] {1, 1, 1}, Binning.uniform(10));
    assertThat(r.auroc()).isNaN();
    assertThat(r.auprc()).isNaN();
    assertThat(r.calibrationSlope()).isNaN();
    assertThat(r.brier()).isCloseTo((.64 + .36 + .01) / 3, within(1e-12));
  }

  @Test
  void wellSpecifiedLogisticDataHasSlopeNearOneAndInterceptNearZero() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    int n = 200_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = rnd.nextDouble();
      y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
    }
    CalibrationReport r = report(p, y, Binning.uniform(15));
    assertThat(r.calibrationSlope()).isCloseTo(1.0, within(0.03));
    assertThat(r.calibrationIntercept()).isCloseTo(0.0, within(0.03));
    assertThat(r.observedExpected()).isCloseTo(1.0, within(0.01));
    assertThat(r.spiegelhalterP()).isGreaterThan(0.001);
  }

  @Test
  void overconfidenceShowsAsSlopeBelowOne() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    int n = 100_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double truth = rnd.nextDouble();
      y[i] = rnd.nextDouble() < truth ? 1 : 0;
      double logit = Math.log(truth / (1 - truth));
      p[i] = 1 / (1 + Math.exp(-2 * logit)); // twice as confident as warranted
    }
    assertThat(report(p, y, Binning.uniform(15)).calibrationSlope()).isCloseTo(0.5, within(0.03));
  }
}
