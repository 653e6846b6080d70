package io.vgac.calibration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TierPolicyTest {
  private final TierPolicy policy = TierPolicy.standard();

  /** The design's vector: p = 0.95 with ECE = linspace(0.005, 0.12, 20). */
  @Test
  void designTierVector() {
    int[] expected = {4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    for (int i = 0; i < 20; i++) {
      double ece = 0.005 + i * (0.12 - 0.005) / 19; // numpy's linspace formula
      assertThat(policy.emittedTier(0.95, policy.qualifiedTier(ece))).as("ECE %s", ece).isEqualTo(expected[i]);
    }
  }

  @Test
  void honestQualificationExample() {
    assertThat(policy.qualifiedTier(0.077)).isEqualTo(1);
    assertThat(policy.tierName(1)).isEqualTo("annotate");
  }

  @Test
  void emittedTierIsCappedByProbabilityAndQualification() {
    assertThat(policy.emittedTier(0.95, 2)).isEqualTo(2);
    assertThat(policy.emittedTier(0.65, 4)).isEqualTo(2);
    assertThat(policy.emittedTier(0.29, 4)).isEqualTo(0);
    assertThat(policy.qualifiedTier(Double.NaN)).isEqualTo(0);
  }

  @Test
  void falseActionRatePerThreshold() {
    List<Double> r = policy.falseActionRates(new double[] {0.2, 0.4, 0.6, 0.95}, new int[] {0, 0, 1, 0});
    assertThat(r.get(0)).isEqualTo(2.0 / 3);
    assertThat(r.get(1)).isEqualTo(0.5);
    assertThat(r.get(2)).isEqualTo(1.0);
    assertThat(r.get(3)).isEqualTo(1.0);
  }

  @Test
  void badTiersAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new TierPolicy(List.of(new Tier(1, "a", 0.5, 0.1), new Tier(2, "b", 0.4, 0.05))))
        .hasMessage("tiers[1].minProbability must be ≥ 0.5 but was 0.4");
    assertThatThrownBy(() -> policy.tierName(5)).hasMessage("tier level must be in [0, 4] but was 5");
  }

  @Test
  void authorsStrictVariantAddsMceAndTailLimits() {
    TierPolicy strict = TierPolicy.authorsStrict();
    java.util.function.DoubleUnaryOperator tails = tau -> tau >= 0.9 ? 0.025 : 0.01;
    // ECE 0.02 alone would reach tier 4 under the standard policy.
    assertThat(policy.qualifiedTier(0.02)).isEqualTo(4);
    assertThat(strict.qualifiedTier(0.02, 0.05, tails)).isEqualTo(3); // gate's tail gap 0.025 > 0.020
    assertThat(strict.qualifiedTier(0.02, 0.05, tau -> 0.01)).isEqualTo(4);
    assertThat(strict.qualifiedTier(0.02, 0.15, tau -> 0.01)).isEqualTo(2); // MCE 0.15 > 0.10 stops at advisory
    assertThat(strict.qualifiedTier(0.02, 0.25, tau -> 0.01)).isEqualTo(1);
    assertThat(strict.qualifiedTier(0.02, 0.05, tau -> Double.NaN)).isEqualTo(2); // unmeasurable tail: no tier 3
    assertThat(strict.tierName(2)).isEqualTo("advisory");
  }

  @Test
  void strictQualificationFromAReport() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    int n = 50_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = rnd.nextDouble();
      y[i] = rnd.nextDouble() < p[i] ? 1 : 0;
    }
    io.vgac.calibration.metrics.CalibrationReport r =
        io.vgac.calibration.metrics.CalibrationMetrics.report(io.vgac.calibration.Predictions.of(p, y));
    assertThat(TierPolicy.authorsStrict().qualifiedTier(r)).isEqualTo(4);
    assertThat(policy.qualifiedTier(r)).isEqualTo(policy.qualifiedTier(r.ece()));
  }

  @Test
  void tierLimitsAreValidated() {
    assertThatThrownBy(() -> new Tier(1, "a", 0.3, 0.1, -1, 0.1)).hasMessage("maxMce must be ≥ 0 (or +∞ for no limit) but was -1.0");
  }
}
