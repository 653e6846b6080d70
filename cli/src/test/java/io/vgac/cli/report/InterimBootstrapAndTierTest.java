package io.vgac.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tier table of the design (seed semantics); must keep passing once the core's TierPolicy replaces the stand-in. */
class InterimBootstrapAndTierTest {
  @Test
  void qualifiedTierFollowsTheDesignVector() {
    BootstrapAndTier policy = BootstrapAndTier.standard();
    int[] expected = {4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    for (int k = 0; k < 20; k++) {
      double ece = 0.005 + k * (0.12 - 0.005) / 19;
      assertThat(policy.qualifiedTier(ece).tier()).as("ECE %s", ece).isEqualTo(expected[k]);
    }
  }

  @Test
  void namesAndUndefinedEce() {
    BootstrapAndTier policy = BootstrapAndTier.standard();
    assertThat(policy.qualifiedTier(0.077)).isEqualTo(new QualifiedTier(1, "annotate"));
    assertThat(policy.qualifiedTier(0.02)).isEqualTo(new QualifiedTier(4, "gate"));
    assertThat(policy.qualifiedTier(0.2)).isEqualTo(new QualifiedTier(0, "none"));
    assertThat(policy.qualifiedTier(Double.NaN)).isEqualTo(new QualifiedTier(0, "none"));
  }
}
