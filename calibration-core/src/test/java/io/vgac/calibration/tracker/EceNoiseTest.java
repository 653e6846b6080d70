package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.drift.EceRatioRule;
import org.junit.jupiter.api.Test;

class EceNoiseTest {

  @Test
  void aCalibratedModelOnA200SampleUniformWindowShowsAbout4TimesTheBaseline() {
    double[] p = Streams.uniformScores(200, 17);
    EceNoiseFloor noise = EceNoise.of(p, 15, 2_000, 1);
    double ratio = noise.mean() / EceRatioRule.DEFAULT_BASELINE;
    System.out.printf(
        "noise floor n=200 B=15 uniform: mean %.4f (%.2fx baseline), q95 %.4f, analytic %.4f (%.2fx)%n",
        noise.mean(), ratio, noise.quantile95(), noise.analytic(), noise.analytic() / 0.018);
    assertThat(ratio).isBetween(3.0, 5.5);
    assertThat(noise.quantile95()).isGreaterThan(noise.mean());
    // The analytic approximation is within 15% of the resampled mean here.
    assertThat(noise.analytic() / noise.mean()).isBetween(0.85, 1.15);
  }

  @Test
  void seededAndShrinkingWithTheWindow() {
    double[] small = Streams.uniformScores(200, 3);
    double[] large = Streams.uniformScores(5_000, 3);
    assertThat(EceNoise.of(small, 15, 300, 9)).isEqualTo(EceNoise.of(small, 15, 300, 9));
    assertThat(EceNoise.of(large, 15, 300, 9).mean()).isLessThan(EceNoise.of(small, 15, 300, 9).mean() / 3);
    assertThat(EceNoise.of(new double[0], 15, 10, 0).mean()).isNaN();
  }

  @Test
  void driftCheckSeparatesNoiseFromRealDrift() {
    EceRatioRule rule = EceRatioRule.ofDefaults();
    double[] p = Streams.uniformScores(200, 21);
    EceNoiseFloor noise = EceNoise.of(p, 15, 1_000, 2);

    int[] calibrated = Streams.outcomes(p, 0, 21);
    DriftCheck quiet = DriftCheck.of(rule, EceBounds.ece(p, calibrated, 15), 0.018, noise);
    // The design's rule calls this a drift, yet it is what a calibrated model shows on 200 rows.
    assertThat(quiet.assessment().severity()).isIn(DriftSeverity.SIGNIFICANT, DriftSeverity.CRITICAL);
    assertThat(quiet.withinNoise()).isTrue();
    assertThat(quiet.noiseRatio()).isGreaterThan(2);

    int[] shifted = Streams.outcomes(p, 0.3, 21);
    DriftCheck real = DriftCheck.of(rule, EceBounds.ece(p, shifted, 15), 0.018, noise);
    assertThat(real.assessment().severity()).isEqualTo(DriftSeverity.CRITICAL);
    assertThat(real.withinNoise()).isFalse();
  }
}
