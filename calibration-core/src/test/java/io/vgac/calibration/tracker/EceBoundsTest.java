package io.vgac.calibration.tracker;

import io.vgac.calibration.binning.UniformBinIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.policy.TierPolicy;
import org.junit.jupiter.api.Test;

class EceBoundsTest {
  private static final TierPolicy TIERS = TierPolicy.standard();

  @Test
  void aLuckySmallCalibratedSampleQualifiesLowerOnItsUpperBound() {
    // Search seeded calibrated samples of 60 rows for the first whose point ECE qualifies tier >= 3 by luck.
    for (long seed = 0; seed < 5_000; seed++) {
      double[] p = Streams.pick(new double[] {0.2, 0.5, 0.8}, 60, seed);
      int[] y = Streams.outcomes(p, 0, seed);
      double ece = EceBounds.ece(p, y, 15);
      if (TIERS.qualifiedTier(ece) < 3) {
        continue;
      }
      EceBound boot = EceBounds.bootstrap(p, y, 15, 500, 7, 0.95);
      EceBound analytic = EceBounds.analytic(p, y, 15, 0.95);
      TierQualification q = TierQualification.of(TIERS, boot, QualificationMode.UPPER_BOUND);
      assertThat(q.point()).isGreaterThanOrEqualTo(3);
      assertThat(q.upper()).as("seed %d ece %s upper %s", seed, ece, boot.upper()).isLessThan(q.point());
      assertThat(q.tier()).isEqualTo(q.upper());
      assertThat(TIERS.qualifiedTier(analytic.upper())).isLessThan(q.point());
      assertThat(boot.interval().level()).isEqualTo(0.9, within(1e-12));
      return;
    }
    throw new AssertionError("no lucky sample found");
  }

  @Test
  void largeCalibratedSamplesQualifyEquallyInBothModes() {
    double[] p = Streams.uniformScores(50_000, 11);
    int[] y = Streams.outcomes(p, 0, 11);
    EceBound b = EceBounds.bootstrap(p, y, 15, 100, 3, 0.95);
    TierQualification q = TierQualification.of(TIERS, b, QualificationMode.POINT);
    assertThat(q.point()).isEqualTo(4);
    assertThat(q.upper()).isEqualTo(4);
    assertThat(b.upper()).isGreaterThan(b.ece());
  }

  @Test
  void pointEstimateMatchesTheBatchReport() {
    double[] p = Streams.uniformScores(3_000, 5);
    int[] y = Streams.outcomes(p, 0.05, 5);
    double batch =
        CalibrationMetrics.report(
                Predictions.of(p, y), CalibrationOptions.builder().binning(Binning.uniform(15)).build())
            .ece();
    assertThat(EceBounds.bootstrap(p, y, 15, 50, 1, 0.95).ece()).isCloseTo(batch, within(1e-12));
    assertThat(EceBounds.analytic(p, y, 15, 0.95).ece()).isCloseTo(batch, within(1e-12));
  }

  @Test
  void boundsAreSeededAndAboveThePoint() {
    double[] p = Streams.uniformScores(400, 2);
    int[] y = Streams.outcomes(p, 0, 2);
    EceBound a = EceBounds.bootstrap(p, y, 10, 200, 42, 0.95);
    EceBound b = EceBounds.bootstrap(p, y, 10, 200, 42, 0.95);
    assertThat(a).isEqualTo(b);
    assertThat(a.upper()).isGreaterThanOrEqualTo(a.ece());
    assertThat(EceBounds.analytic(p, y, 10, 0.95).upper()).isGreaterThan(a.upper());
  }

  @Test
  void emptyAndInvalidInput() {
    assertThat(EceBounds.bootstrap(new double[0], new int[0], 15, 1).isDefined()).isFalse();
    assertThat(EceBounds.analytic(new double[0], new int[0], 15, 0.95).upper()).isNaN();
    assertThatThrownBy(() -> EceBounds.analytic(new double[] {1.5}, new int[] {1}, 15, 0.95))
        .hasMessage("Not a probability: 1.5 at index 0");
    assertThatThrownBy(() -> EceBounds.analytic(new double[] {0.5}, new int[] {1}, 15, 1.0))
        .hasMessage("level must be in (0.5,1) but was 1.0");
  }

  @Test
  void binIndexAgreesWithUniformEdges() {
    for (int bins : new int[] {1, 3, 10, 15, 20, 1000}) {
      UniformBinIndex idx = new UniformBinIndex(bins);
      Binning.Uniform u = Binning.uniform(bins);
      for (int k = 0; k <= bins; k++) {
        double e = u.edge(k);
        for (double p : new double[] {e, Math.nextDown(e), Math.nextUp(e)}) {
          if (p < 0 || p > 1) {
            continue;
          }
          int expected = 0;
          for (int j = 1; j < bins; j++) {
            if (p >= u.edge(j)) {
              expected = j;
            }
          }
          assertThat(idx.of(p)).as("bins %d p %s", bins, p).isEqualTo(expected);
        }
      }
    }
  }
}
