package io.vgac.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BedrockPlannerConfigTest {

  @Test
  void defaults() {
    BedrockPlannerConfig c = BedrockPlannerConfig.ofDefaults();
    assertThat(c.modelId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    assertThat(c.region()).isNull();
    assertThat(c.endpointOverride()).isNull();
    assertThat(c.maxRoundTrips()).isEqualTo(4);
    assertThat(c.maxAttempts()).isEqualTo(3);
    assertThat(c.allowedTools()).contains("tool_requeue_job").doesNotContain("tool_send_slack_notification",
        "tool_update_environment_profile", "tool_trigger_recalibration", "tool_create_alert");
  }

  @Test
  void badValuesNameTheFieldTheValueAndTheRange() {
    var b = BedrockPlannerConfig.builder();
    assertThatThrownBy(() -> b.maxRoundTrips(0)).hasMessage("maxRoundTrips must be in [1, 20] but was 0");
    assertThatThrownBy(() -> b.maxTokens(9000)).hasMessage("maxTokens must be in [1, 8192] but was 9000");
    assertThatThrownBy(() -> b.maxAttempts(11)).hasMessage("maxAttempts must be in [1, 10] but was 11");
    assertThatThrownBy(() -> b.temperature(1.5)).hasMessage("temperature must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> b.attemptTimeout(Duration.ZERO)).hasMessage("attemptTimeout must be > 0 but was PT0S");
    assertThatThrownBy(() -> b.modelId(" ")).hasMessageStartingWith("modelId must be");
    assertThatThrownBy(() -> b.region("US East")).hasMessageContaining("'US East'");
    assertThatThrownBy(() -> b.endpointOverride(URI.create("ftp://x"))).hasMessageContaining("ftp://x");
    assertThatThrownBy(() -> b.allowedTools(Set.of("tool_nope"))).hasMessageContaining("tool_nope");
    assertThatThrownBy(() -> BedrockPlannerConfig.builder().baseBackoff(Duration.ofSeconds(10)).build())
        .hasMessageContaining("maxBackoff must be ≥ baseBackoff");
  }
}
