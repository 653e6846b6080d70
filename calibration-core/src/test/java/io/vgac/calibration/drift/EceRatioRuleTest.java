package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The design's vectors (seed-semantics.md, "Drift by ECE ratio") and the rule's edges. */
class EceRatioRuleTest {
  private final EceRatioRule rule = EceRatioRule.ofDefaults();

  @ParameterizedTest
  @CsvSource({
    "0.020, NONE, CONTINUE",
    "0.030, MODERATE, MONITOR",
    "0.036, MODERATE, MONITOR",
    "0.060, SIGNIFICANT, REDUCE_AUTONOMY",
    "0.100, CRITICAL, TRIGGER_RECALIBRATION",
    "0.396, CRITICAL, TRIGGER_RECALIBRATION"
  })
  void designVectors(double current, DriftSeverity severity, DriftAction action) {
    DriftAssessment a = rule.assess(current, 0.018);
    assertThat(a.severity()).isEqualTo(severity);
    assertThat(a.action()).isEqualTo(action);
    assertThat(a.baselineEce()).isEqualTo(0.018);
    assertThat(a.currentEce()).isEqualTo(current);
    assertThat(a.ratio()).isEqualTo(current / 0.018);
  }

  @Test
  void exactlyTwiceTheBaselineIsModerateEvenWhenTheQuotientRoundsAbove() {
    // 0.036 / 0.018 happens to be exactly 2.0, but e.g. 0.3 / 0.15 or 0.07 / 0.035 need not be; the edge decision
    // must not depend on that.
    assertThat(rule.assess(0.036, 0.018).message()).isEqualTo("ECE increased 2.0× from baseline");
    for (double baseline : new double[] {0.018, 0.035, 0.15, 0.1, 0.0123, 0.07}) {
      double twice = Double.parseDouble(String.valueOf(2 * baseline));
      assertThat(rule.assess(twice, baseline).severity()).as("baseline %s", baseline)
          .isEqualTo(DriftSeverity.MODERATE);
      double five = Math.min(1, 5 * baseline);
      if (five < 1) {
        assertThat(rule.assess(five, baseline).severity()).isEqualTo(DriftSeverity.SIGNIFICANT);
      }
      assertThat(rule.assess(1.5 * baseline, baseline).severity()).isEqualTo(DriftSeverity.NONE);
    }
    // Just above an edge (beyond the 1e-9 relative tolerance) moves up a band.
    assertThat(rule.assess(0.036 * (1 + 1e-6), 0.018).severity()).isEqualTo(DriftSeverity.SIGNIFICANT);
  }

  @Test
  void crossClusterCaseIsCriticalWithRatioAboveTwenty() {
    DriftAssessment a = rule.assess(0.396, 0.018);
    assertThat(a.ratio()).isGreaterThanOrEqualTo(20);
    assertThat(a.message()).isEqualTo("ECE increased 22.0× from baseline — recalibration required");
    assertThat(a.escalateOnly()).isTrue();
  }

  @Test
  void messagesAndFlagsFollowTheDesign() {
    DriftAssessment none = rule.assess(0.020, 0.018);
    assertThat(none.message()).isEqualTo("Calibration stable");
    assertThat(none.recalibrationRequired()).isFalse();
    assertThat(none.reduceAutonomy()).isFalse();
    assertThat(none.escalateOnly()).isFalse();

    DriftAssessment moderate = rule.assess(0.030, 0.018);
    assertThat(moderate.message()).isEqualTo("ECE increased 1.7× from baseline");
    assertThat(moderate.recalibrationRequired()).isFalse();
    assertThat(moderate.reduceAutonomy()).isFalse();

    DriftAssessment significant = rule.assess(0.060, 0.018);
    assertThat(significant.message())
        .isEqualTo("ECE increased 3.3× from baseline — reducing autonomous actions");
    assertThat(significant.recalibrationRequired()).isTrue();
    assertThat(significant.reduceAutonomy()).isTrue();
    assertThat(significant.escalateOnly()).isFalse();

    DriftAssessment critical = rule.assess(0.100, 0.018);
    assertThat(critical.message()).isEqualTo("ECE increased 5.6× from baseline — recalibration required");
    assertThat(critical.recalibrationRequired()).isTrue();
    assertThat(critical.reduceAutonomy()).isTrue();
    assertThat(critical.escalateOnly()).isTrue();
  }

  @Test
  void baselineAtOrBelowZeroIsReplacedByTheDefault() {
    assertThat(rule.assess(0.036, 0).baselineEce()).isEqualTo(0.018);
    assertThat(rule.assess(0.036, -1).severity()).isEqualTo(DriftSeverity.MODERATE);
    assertThat(rule.assess(0.036).ratio()).isEqualTo(2.0);
    EceRatioRule custom = EceRatioRule.builder().defaultBaseline(0.05).build();
    assertThat(custom.assess(0.036, 0).severity()).isEqualTo(DriftSeverity.NONE);
  }

  @Test
  void zeroEceIsStable() {
    assertThat(rule.assess(0, 0.018).severity()).isEqualTo(DriftSeverity.NONE);
  }

  @Test
  void edgesAreConfigurable() {
    EceRatioRule strict =
        EceRatioRule.builder().moderateAbove(1.2).significantAbove(1.5).criticalAbove(3).build();
    assertThat(strict.assess(0.025, 0.018).severity()).isEqualTo(DriftSeverity.MODERATE);
    assertThat(strict.assess(0.030, 0.018).severity()).isEqualTo(DriftSeverity.SIGNIFICANT);
    assertThat(strict.assess(0.060, 0.018).severity()).isEqualTo(DriftSeverity.CRITICAL);
  }

  @Test
  void rejectsBadInputNamingTheValue() {
    assertThatThrownBy(() -> rule.assess(Double.NaN, 0.018))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currentEce must be in [0,1] but was NaN");
    assertThatThrownBy(() -> rule.assess(-0.1, 0.018)).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> rule.assess(1.5, 0.018)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> rule.assess(0.02, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineEce must be at most 1 but was NaN");
    assertThatThrownBy(() -> rule.assess(0.02, 2)).hasMessageContaining("2.0");
  }

  @Test
  void builderFailsFastNamingFieldValueAndRange() {
    assertThatThrownBy(() -> EceRatioRule.builder().defaultBaseline(0).build())
        .hasMessage("defaultBaseline must be in (0,1] but was 0.0");
    assertThatThrownBy(() -> EceRatioRule.builder().moderateAbove(Double.NaN).build())
        .hasMessage("moderateAbove must be in (0,+inf) but was NaN");
    assertThatThrownBy(() -> EceRatioRule.builder().significantAbove(1.0).build())
        .hasMessage("significantAbove must be in [1.5,+inf) but was 1.0");
    assertThatThrownBy(() -> EceRatioRule.builder().criticalAbove(1.9).build())
        .hasMessage("criticalAbove must be in [2.0,+inf) but was 1.9");
    assertThatThrownBy(() -> EceRatioRule.builder().relativeTolerance(0.1).build())
        .hasMessage("relativeTolerance must be in [0,0.001] but was 0.1");
  }
}
