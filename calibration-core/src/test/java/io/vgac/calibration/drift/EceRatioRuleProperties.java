package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class EceRatioRuleProperties {
  private final EceRatioRule rule = EceRatioRule.ofDefaults();

  @Property
  void severityIsMonotoneInCurrentEce(
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double a,
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double b,
      @ForAll @Scale(6) @DoubleRange(min = 0.001, max = 1) double baseline) {
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    assertThat(rule.assess(lo, baseline).severity())
        .isLessThanOrEqualTo(rule.assess(hi, baseline).severity());
  }

  @Property
  void severityAloneEqualsTheAssessmentsSeverity(
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double current,
      @ForAll @Scale(6) @DoubleRange(min = -1, max = 1) double baseline) {
    assertThat(rule.severity(current, baseline)).isEqualTo(rule.assess(current, baseline).severity());
  }

  @Property
  void flagsAgreeWithSeverity(
      @ForAll @Scale(6) @DoubleRange(min = 0, max = 1) double current,
      @ForAll @Scale(6) @DoubleRange(min = -1, max = 1) double baseline) {
    DriftAssessment a = rule.assess(current, baseline);
    boolean high = a.severity().compareTo(DriftSeverity.SIGNIFICANT) >= 0;
    assertThat(a.recalibrationRequired()).isEqualTo(high);
    assertThat(a.reduceAutonomy()).isEqualTo(high);
    assertThat(a.message().equals("Calibration stable")).isEqualTo(a.severity() == DriftSeverity.NONE);
    assertThat(a.baselineEce()).isGreaterThan(0);
  }
}
