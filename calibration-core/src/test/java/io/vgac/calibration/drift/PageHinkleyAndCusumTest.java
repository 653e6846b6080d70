package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageHinkleyAndCusumTest {

  @Test
  void pageHinkleyRestartsOnTheItemAfterAnAlarm() {
    PageHinkley ph = new PageHinkley(PageHinkleyConfig.builder().minInstances(0).lambda(2).build());
    // Mean 0 then a jump to 1: the sum grows by about 1 − x̄ per item.
    for (int i = 0; i < 100; i++) {
      assertThat(ph.update(0)).isFalse();
    }
    int firstAlarm = -1;
    for (int i = 0; i < 100 && firstAlarm < 0; i++) {
      if (ph.update(1)) {
        firstAlarm = i;
      }
    }
    assertThat(firstAlarm).isBetween(1, 5);
    assertThat(ph.statistic()).isGreaterThan(2);
    assertThat(ph.detections()).isEqualTo(1);
    // The next item starts afresh: one item of value 1 has mean 1, sum −δ.
    assertThat(ph.update(1)).isFalse();
    assertThat(ph.estimate()).isEqualTo(1.0);
    assertThat(ph.statistic()).isEqualTo(-PageHinkleyConfig.DEFAULT_DELTA);
    assertThat(ph.count()).isEqualTo(100 + firstAlarm + 2);
  }

  @Test
  void minInstancesHoldsBackTheAlarm() {
    // Counter starts at 1: with n = 30 the earliest possible alarm is the 29th item (index 28).
    PageHinkley ph = new PageHinkley(PageHinkleyConfig.builder().lambda(0.5).build());
    Cusum cusum = new Cusum(CusumConfig.builder().lambda(0.5).build());
    int phFirst = -1;
    int cusumFirst = -1;
    for (int i = 0; i < 60; i++) {
      double x = i < 5 ? 0 : 1;
      if (ph.update(x) && phFirst < 0) {
        phFirst = i;
      }
      if (cusum.update(x) && cusumFirst < 0) {
        cusumFirst = i;
      }
    }
    assertThat(phFirst).isEqualTo(28);
    assertThat(cusumFirst).isEqualTo(28);
  }

  @Test
  void resetForgetsEverything() {
    PageHinkley ph = PageHinkley.ofDefaults();
    Cusum cusum = Cusum.ofDefaults();
    for (double x : ReferenceStreams.bernoulliShift(1)) {
      ph.update(x);
      cusum.update(x);
    }
    assertThat(ph.detections()).isEqualTo(1);
    assertThat(cusum.detections()).isEqualTo(1);
    ph.reset();
    cusum.reset();
    for (ChangeDetector d : new ChangeDetector[] {ph, cusum}) {
      assertThat(d.count()).isZero();
      assertThat(d.estimate()).isNaN();
    }
    assertThat(ph.statistic()).isZero();
    assertThat(cusum.statistic()).isZero();
    assertThat(ReferenceStreams.alarms(() -> ph, ReferenceStreams.bernoulliShift(1))).containsExactly(1090);
    assertThat(ReferenceStreams.alarms(() -> cusum, ReferenceStreams.bernoulliShift(1))).containsExactly(1082);
  }

  @Test
  void rejectsNonFiniteInput() {
    assertThatThrownBy(() -> PageHinkley.ofDefaults().update(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a finite value: NaN");
    assertThatThrownBy(() -> Cusum.ofDefaults().update(Double.NEGATIVE_INFINITY))
        .hasMessage("Not a finite value: -Infinity");
  }

  @Test
  void configsFailFastNamingFieldValueAndRange() {
    assertThat(PageHinkleyConfig.ofDefaults()).isEqualTo(new PageHinkleyConfig(30, 0.005, 50, 0.9999));
    assertThat(CusumConfig.ofDefaults()).isEqualTo(new CusumConfig(30, 0.005, 50));
    assertThatThrownBy(() -> PageHinkleyConfig.builder().minInstances(-1).build())
        .hasMessage("minInstances must be >= 0 but was -1");
    assertThatThrownBy(() -> PageHinkleyConfig.builder().delta(-0.1).build())
        .hasMessage("delta must be in [0,+inf) but was -0.1");
    assertThatThrownBy(() -> PageHinkleyConfig.builder().lambda(0).build())
        .hasMessage("lambda must be in (0,+inf) but was 0.0");
    assertThatThrownBy(() -> PageHinkleyConfig.builder().alpha(1.5).build())
        .hasMessage("alpha must be in (0,1] but was 1.5");
    assertThatThrownBy(() -> CusumConfig.builder().lambda(Double.POSITIVE_INFINITY).build())
        .hasMessage("lambda must be in (0,+inf) but was Infinity");
    assertThatThrownBy(() -> CusumConfig.builder().delta(Double.NaN).build())
        .hasMessage("delta must be in [0,+inf) but was NaN");
  }
}
