package io.vgac.calibration.drift;

import static io.vgac.calibration.drift.ReferenceStreams.alarms;
import static io.vgac.calibration.drift.ReferenceStreams.bernoulliShift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdwinTest {

  @Test
  void windowDropsThePreChangeDataAndTracksTheNewMean() {
    Adwin adwin = Adwin.ofDefaults();
    double[] stream = bernoulliShift(1);
    for (double x : stream) {
      adwin.update(x);
    }
    assertThat(adwin.count()).isEqualTo(2000);
    assertThat(adwin.detections()).isEqualTo(3);
    // After the cuts at 1055, 1087 and 1215 the window holds (almost) only post-change items.
    assertThat(adwin.width()).isBetween(700L, 1050L);
    assertThat(adwin.estimate()).isCloseTo(0.8, within(0.05));
    assertThat(adwin.sum() / adwin.width()).isEqualTo(adwin.estimate());
    assertThat(adwin.variance()).isCloseTo(0.16, within(0.03));
  }

  @Test
  void withoutChangeTheWindowKeepsEverything() {
    Adwin adwin = Adwin.ofDefaults();
    SplittableRandom random = new SplittableRandom(7);
    int alarms = 0;
    for (int i = 0; i < 20_000; i++) {
      alarms += adwin.update(random.nextDouble() < 0.3 ? 1 : 0) ? 1 : 0;
    }
    assertThat(alarms).isZero();
    assertThat(adwin.width()).isEqualTo(20_000);
    assertThat(adwin.estimate()).isCloseTo(0.3, within(0.01));
  }

  @Test
  void resetForgetsEverything() {
    Adwin adwin = Adwin.ofDefaults();
    for (double x : bernoulliShift(42)) {
      adwin.update(x);
    }
    adwin.reset();
    assertThat(adwin.count()).isZero();
    assertThat(adwin.width()).isZero();
    assertThat(adwin.detections()).isZero();
    assertThat(adwin.estimate()).isNaN();
    assertThat(adwin.variance()).isNaN();
    // Same alarms as a fresh detector.
    assertThat(alarms(() -> adwin, bernoulliShift(1))).containsExactly(1055, 1087, 1215);
  }

  @Test
  void aLongWindowGrowsItsRowsWithoutLosingExactness() {
    // 300,000 items need 16 rows of buckets, beyond the initial 8: sum and mean must stay exact.
    Adwin adwin = Adwin.ofDefaults();
    for (int i = 0; i < 300_000; i++) {
      adwin.update(i % 4 == 0 ? 1 : 0);
    }
    assertThat(adwin.width()).isEqualTo(300_000);
    assertThat(adwin.sum()).isEqualTo(75_000);
    assertThat(adwin.variance()).isCloseTo(0.1875, within(1e-9));
  }

  @Test
  void configIsUsed() {
    // A larger delta detects the same change earlier or at the same time, never later.
    Adwin lax = new Adwin(AdwinConfig.builder().delta(0.1).build());
    int first = alarms(() -> lax, bernoulliShift(1)).get(0);
    assertThat(first).isLessThanOrEqualTo(1055);
    // Clock 1 checks every item.
    Adwin everyItem = new Adwin(AdwinConfig.builder().clock(1).build());
    assertThat(alarms(() -> everyItem, bernoulliShift(1)).get(0)).isBetween(1000, 1055);
  }

  @Test
  void rejectsNonFiniteInput() {
    Adwin adwin = Adwin.ofDefaults();
    assertThatThrownBy(() -> adwin.update(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a finite value: NaN");
    assertThatThrownBy(() -> adwin.update(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    assertThat(adwin.count()).isZero();
  }

  @Test
  void configFailsFastNamingFieldValueAndRange() {
    assertThat(AdwinConfig.ofDefaults()).isEqualTo(new AdwinConfig(0.002, 32, 5, 5, 10));
    assertThatThrownBy(() -> AdwinConfig.builder().delta(0).build())
        .hasMessage("delta must be in (0,1) but was 0.0");
    assertThatThrownBy(() -> AdwinConfig.builder().delta(Double.NaN).build())
        .hasMessage("delta must be in (0,1) but was NaN");
    assertThatThrownBy(() -> AdwinConfig.builder().clock(0).build())
        .hasMessage("clock must be >= 1 but was 0");
    assertThatThrownBy(() -> AdwinConfig.builder().maxBuckets(1).build())
        .hasMessage("maxBuckets must be >= 2 but was 1");
    assertThatThrownBy(() -> AdwinConfig.builder().minSubWindowLength(-1).build())
        .hasMessage("minSubWindowLength must be >= 0 but was -1");
    assertThatThrownBy(() -> AdwinConfig.builder().minWindowLength(-1).build())
        .hasMessage("minWindowLength must be >= 0 but was -1");
  }
}
