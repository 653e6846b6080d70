package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationStabilityIndexTest {
  private final PopulationStabilityIndex psi = PopulationStabilityIndex.ofDefaults();
  private static final double[] ZERO_TO_NINE = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void identicalSamplesGiveZero() {
    double[] scores = normal(1, 5_000, 0);
    PsiResult result = psi.compute(scores, scores.clone());
    assertThat(result.value()).isZero();
    assertThat(result.band()).isEqualTo(PsiBand.STABLE);
    assertThat(result.referenceSize()).isEqualTo(5_000);
    assertThat(result.currentSize()).isEqualTo(5_000);
  }

  @Test
  void growsWithTheShift() {
    double[] reference = normal(1, 20_000, 0);
    double previous = psi.compute(reference, normal(2, 20_000, 0)).value();
    assertThat(previous).isLessThan(0.01);
    for (double shift : new double[] {0.1, 0.3, 0.6, 1.0}) {
      double value = psi.compute(reference, normal(2, 20_000, shift)).value();
      assertThat(value).as("shift %s", shift).isGreaterThan(previous);
      previous = value;
    }
    assertThat(psi.compute(reference, normal(2, 20_000, 0.2)).band()).isEqualTo(PsiBand.STABLE);
    assertThat(psi.compute(reference, normal(2, 20_000, 0.4)).band()).isEqualTo(PsiBand.MODERATE);
    assertThat(psi.compute(reference, normal(2, 20_000, 1.0)).band()).isEqualTo(PsiBand.SEVERE);
  }

  @Test
  void handComputedVectorWithoutEmptyBins() {
    // Reference 0..9: edges 0.9, 1.8, …, 8.1 (numpy quantiles), one reference score per bin (0.1 each).
    // Current: bins 0 and 9 hold 2/12, the eight others 1/12.
    // PSI = 2·(1/6 − 0.1)·ln(5/3) + 8·(1/12 − 0.1)·ln(5/6) = 0.09241962407465937 (computed in Python).
    double[] current = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9};
    PsiResult result = psi.compute(ZERO_TO_NINE, current);
    assertThat(result.value()).isCloseTo(0.09241962407465937, within(1e-15));
    assertThat(result.band()).isEqualTo(PsiBand.STABLE);
  }

  @Test
  void handComputedVectorWithEmptyBinsUsesEpsilon() {
    // Current: 0.3 in bin 0, 0.1 in bins 1–7, nothing in bins 8 and 9 (raised to ε = 1e-6).
    // PSI = 0.2·ln 3 + 2·(1e-6 − 0.1)·ln(1e-5) = 2.5222845248767376 (computed in Python).
    double[] current = {0, 0, 0, 1, 2, 3, 4, 5, 6, 7};
    PsiResult result = psi.compute(ZERO_TO_NINE, current);
    assertThat(result.value()).isCloseTo(2.5222845248767376, within(1e-12));
    assertThat(result.band()).isEqualTo(PsiBand.SEVERE);
  }

  @Test
  void scoresOutsideTheReferenceRangeStillCount() {
    PsiResult result = psi.compute(ZERO_TO_NINE, new double[] {-100, 100});
    // Half in the first bin, half in the last, none elsewhere.
    double expected = 2 * (0.5 - 0.1) * Math.log(5) + 8 * (1e-6 - 0.1) * Math.log(1e-5);
    assertThat(result.value()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void bandsAreUpperEdgeInclusiveForModerate() {
    PsiConfig config = PsiConfig.ofDefaults();
    assertThat(config.band(0.0999)).isEqualTo(PsiBand.STABLE);
    assertThat(config.band(0.1)).isEqualTo(PsiBand.MODERATE);
    assertThat(config.band(0.25)).isEqualTo(PsiBand.MODERATE);
    assertThat(config.band(0.2501)).isEqualTo(PsiBand.SEVERE);
    assertThat(config.band(Double.NaN)).isEqualTo(PsiBand.INSUFFICIENT_DATA);
  }

  @Test
  void emptySampleIsInsufficientData() {
    PsiResult result = psi.compute(new double[0], ZERO_TO_NINE);
    assertThat(result.value()).isNaN();
    assertThat(result.band()).isEqualTo(PsiBand.INSUFFICIENT_DATA);
    assertThat(psi.compute(ZERO_TO_NINE, new double[0]).band()).isEqualTo(PsiBand.INSUFFICIENT_DATA);
  }

  @Test
  void rejectsNonFiniteScoresNamingSampleIndexAndValue() {
    assertThatThrownBy(() -> psi.compute(new double[] {0.1, Double.NaN}, ZERO_TO_NINE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a finite score: NaN at index 1 of the reference sample");
    assertThatThrownBy(() -> psi.compute(ZERO_TO_NINE, new double[] {Double.NEGATIVE_INFINITY}))
        .hasMessage("Not a finite score: -Infinity at index 0 of the current sample");
  }

  @Test
  void configFailsFastNamingFieldValueAndRange() {
    assertThat(PsiConfig.ofDefaults()).isEqualTo(new PsiConfig(10, 1e-6, 0.1, 0.25));
    assertThatThrownBy(() -> PsiConfig.builder().bins(1).build()).hasMessage("bins must be >= 2 but was 1");
    assertThatThrownBy(() -> PsiConfig.builder().epsilon(0).build())
        .hasMessage("epsilon must be in (0,0.01] but was 0.0");
    assertThatThrownBy(() -> PsiConfig.builder().moderateFrom(-1).build())
        .hasMessage("moderateFrom must be in (0,+inf) but was -1.0");
    assertThatThrownBy(() -> PsiConfig.builder().severeAbove(0.05).build())
        .hasMessage("severeAbove must be in [0.1,+inf) but was 0.05");
  }

  private static double[] normal(long seed, int n, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      x[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) + shift;
    }
    return x;
  }
}
