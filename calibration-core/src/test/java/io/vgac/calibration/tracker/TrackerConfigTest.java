package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

  @Test
  void defaults() {
    TrackerConfig c = TrackerConfig.ofDefaults();
    assertThat(c.windowSize()).isEqualTo(1000);
    assertThat(c.baselineEce()).isEqualTo(0.018);
    assertThat(c.alpha()).isEqualTo(0.001);
    assertThat(c.bins()).isEqualTo(15);
    assertThat(c.minFreshLabels()).isEqualTo(200);
    assertThat(c.maxAge()).isEmpty();
    assertThat(c.qualificationMode()).isEqualTo(QualificationMode.POINT);
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
  }

  @Test
  void failsFastNamingFieldValueAndRange() {
    assertThatThrownBy(() -> TrackerConfig.builder().windowSize(-5))
        .hasMessage("windowSize must be in [1, 4194304] but was -5");
    assertThatThrownBy(() -> TrackerConfig.builder().alpha(1.5)).hasMessage("alpha must be in (0,1) but was 1.5");
    assertThatThrownBy(() -> TrackerConfig.builder().alpha(0)).hasMessage("alpha must be in (0,1) but was 0.0");
    assertThatThrownBy(() -> TrackerConfig.builder().baselineEce(0))
        .hasMessage("baselineEce must be in (0,1] but was 0.0");
    assertThatThrownBy(() -> TrackerConfig.builder().bins(0)).hasMessage("bins must be in [1, 1000] but was 0");
    assertThatThrownBy(() -> TrackerConfig.builder().minFreshLabels(0))
        .hasMessage("minFreshLabels must be in [1, 2147483647] but was 0");
    assertThatThrownBy(() -> TrackerConfig.builder().maxAge(Duration.ofSeconds(-1)))
        .hasMessage("maxAge must be positive but was PT-1S");
    assertThatThrownBy(() -> TrackerConfig.builder().upperBoundLevel(0.4))
        .hasMessage("upperBoundLevel must be in (0.5,1) but was 0.4");
  }
}
