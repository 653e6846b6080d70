package io.vgac.calibration.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every vector of seed-semantics.md, "Calibration score and action scope". */
class AutonomyPolicyTest {
  private final AutonomyPolicy policy = AutonomyPolicy.ofDefaults();

  @Test
  void calibrationScoreVectors() {
    assertThat(policy.calibrationScore(0)).isEqualTo(1.0);
    assertThat(policy.calibrationScore(0.018)).isCloseTo(0.91, within(1e-12));
    assertThat(policy.calibrationScore(0.03)).isCloseTo(0.85, within(1e-12));
    assertThat(policy.calibrationScore(0.08)).isCloseTo(0.60, within(1e-12));
    assertThat(policy.calibrationScore(0.2)).isEqualTo(0.0);
    assertThat(policy.calibrationScore(0.9)).isEqualTo(0.0);
    assertThat(policy.calibrationScore(Double.NaN)).isNaN();
  }

  @Test
  void scopeVectors() {
    assertThat(policy.scope(0.9, 10, true)).isEqualTo(Scope.ESCALATE);
    assertThat(policy.scope(0.92, 1847)).isEqualTo(Scope.AUTONOMOUS);
    assertThat(policy.scope(0.72, 500)).isEqualTo(Scope.NOTIFY);
    assertThat(policy.scope(0.45, 200)).isEqualTo(Scope.ESCALATE);
    assertThat(policy.scope(0.86, 100)).isEqualTo(Scope.AUTONOMOUS);
    assertThat(policy.scope(0.84, 100)).isEqualTo(Scope.NOTIFY);
    assertThat(policy.scope(0.61, 100)).isEqualTo(Scope.NOTIFY);
    assertThat(policy.scope(0.59, 100)).isEqualTo(Scope.ESCALATE);
  }

  @Test
  void boundariesAreStrict() {
    assertThat(policy.scope(0.85, 100)).isEqualTo(Scope.NOTIFY);
    assertThat(policy.scope(0.60, 100)).isEqualTo(Scope.ESCALATE);
    // ECE 0.03 scores exactly 0.85: not autonomous.
    assertThat(policy.scopeForEce(0.03, 1000)).isEqualTo(Scope.NOTIFY);
  }

  @Test
  void learningModeBelowFiftySamples() {
    assertThat(policy.isLearning(49)).isTrue();
    assertThat(policy.isLearning(50)).isFalse();
    assertThat(policy.scope(0.99, 49)).isEqualTo(Scope.ESCALATE);
    assertThat(policy.scope(0.99, 50)).isEqualTo(Scope.AUTONOMOUS);
  }

  @Test
  void unknownEnvironmentAndUnknownCalibrationEscalate() {
    assertThat(policy.scope(AutonomyPolicy.UNKNOWN_ENVIRONMENT_SCORE, 0)).isEqualTo(Scope.ESCALATE);
    assertThat(policy.scope(Double.NaN, 10_000)).isEqualTo(Scope.ESCALATE);
  }

  @Test
  void thresholdsAreConfigurableAndValidated() {
    AutonomyPolicy strict = AutonomyPolicy.builder().autonomousAbove(0.95).minSamples(200).build();
    assertThat(strict.scope(0.92, 1000)).isEqualTo(Scope.NOTIFY);
    assertThat(strict.scope(0.99, 199)).isEqualTo(Scope.ESCALATE);
    assertThatThrownBy(() -> AutonomyPolicy.builder().notifyAbove(1.2))
        .hasMessage("notifyAbove must be in [0,1] but was 1.2");
    assertThatThrownBy(() -> AutonomyPolicy.builder().notifyAbove(0.9).autonomousAbove(0.8).build())
        .hasMessage("notifyAbove must be ≤ autonomousAbove (0.8) but was 0.9");
  }

  @Test
  void minOfScopesIsTheMoreRestrictive() {
    assertThat(Scope.AUTONOMOUS.min(Scope.NOTIFY)).isEqualTo(Scope.NOTIFY);
    assertThat(Scope.ESCALATE.min(Scope.AUTONOMOUS)).isEqualTo(Scope.ESCALATE);
  }
}
