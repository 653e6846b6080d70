package io.vgac.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fail-fast validation that names fields and variables, never secret values. */
class SlackConfigTest {
  static final String URL = "https://hooks.slack.com/services/T000/B000/XyZsEcReTtOkEn";

  @Test
  void defaults() {
    SlackConfig c = SlackConfig.builder().webhookUrl(URL).build();
    assertThat(c.channel()).isEqualTo("#gpu-alerts");
    assertThat(c.maxRetries()).isEqualTo(SlackConfig.DEFAULT_MAX_RETRIES);
    assertThat(c.queueCapacity()).isEqualTo(SlackConfig.DEFAULT_QUEUE_CAPACITY);
    assertThat(c.maxRequestAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.hasSigningSecret()).isFalse();
    assertThat(c.webhookUrl().toString()).isEqualTo(URL);
  }

  @Test
  void fromEnvironmentReadsBothVariables() {
    SlackConfig c = SlackConfig.fromEnvironment(Map.of(SlackConfig.ENV_WEBHOOK_URL, URL,
        SlackConfig.ENV_SIGNING_SECRET, "8f742231b10e8888abcd99yyyzzz85a5"));
    assertThat(c.signingSecret()).contains("8f742231b10e8888abcd99yyyzzz85a5");
    assertThat(c.toString()).doesNotContain("XyZsEcReTtOkEn").doesNotContain("8f742231b10e8888abcd99yyyzzz85a5")
        .contains("webhookUrl=<redacted>").contains("signingSecret=<redacted>");
  }

  @Test
  void fromEnvironmentNamesTheMissingOrBadVariableNotItsValue() {
    assertThatThrownBy(() -> SlackConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_WEBHOOK_URL");
    assertThatThrownBy(() -> SlackConfig.fromEnvironment(Map.of(SlackConfig.ENV_WEBHOOK_URL,
        "http://hooks.slack.com/services/T000/B000/XyZsEcReTtOkEn")))
        .hasMessageContaining("SLACK_WEBHOOK_URL").hasMessageContaining("https")
        .hasMessageNotContaining("XyZsEcReTtOkEn").hasMessageNotContaining("hooks.slack.com");
    assertThatThrownBy(() -> SlackConfig.fromEnvironment(Map.of(SlackConfig.ENV_WEBHOOK_URL,
        "https://hooks slack/XyZsEcReTtOkEn")))
        .hasMessageContaining("SLACK_WEBHOOK_URL").hasMessageNotContaining("XyZsEcReTtOkEn");
    assertThatThrownBy(() -> SlackConfig.fromEnvironment(Map.of(SlackConfig.ENV_WEBHOOK_URL, URL,
        SlackConfig.ENV_SIGNING_SECRET, "  ")))
        .hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  @Test
  void httpIsOnlyForLoopback() {
    assertThat(SlackConfig.builder().webhookUrl("http://127.0.0.1:8080/hook").build().webhookUrl().getPort())
        .isEqualTo(8080);
    assertThatThrownBy(() -> SlackConfig.builder().webhookUrl("http://10.0.0.1/hook"))
        .hasMessageContaining("webhookUrl must use https").hasMessageNotContaining("10.0.0.1");
    assertThatThrownBy(() -> SlackConfig.builder().webhookUrl("/relative/XyZsEcReTtOkEn"))
        .hasMessageContaining("webhookUrl").hasMessageNotContaining("XyZsEcReTtOkEn");
    assertThatThrownBy(() -> SlackConfig.builder().build()).hasMessageContaining("webhookUrl is required");
  }

  @Test
  void rangesAreNamedWithFieldValueAndRange() {
    SlackConfig.Builder b = SlackConfig.builder().webhookUrl(URL);
    assertThatThrownBy(() -> b.maxRetries(11)).hasMessage("maxRetries must be in [0, 10] but was 11");
    assertThatThrownBy(() -> b.queueCapacity(0)).hasMessage("queueCapacity must be in [1, 1000000] but was 0");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .hasMessage("requestTimeout must be in (0, PT5M] but was PT0S");
    assertThatThrownBy(() -> b.initialBackoff(Duration.ofMillis(-1))).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> b.channel(" ")).hasMessageContaining("channel must not be blank");
    assertThatThrownBy(() -> b.initialBackoff(Duration.ofMinutes(2)).maxBackoff(Duration.ofMinutes(1)).build())
        .hasMessageContaining("initialBackoff must be ≤ maxBackoff");
  }
}
