package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder fails fast naming field, value and range; the environment names the variable and never the key. */
class VgacClientConfigTest {

  @Test
  void defaults() {
    VgacClientConfig c = VgacClientConfig.ofDefaults();
    assertThat(c.baseUrl()).isEqualTo(URI.create("http://localhost:8000"));
    assertThat(c.apiKey()).isEmpty();
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.maxAttempts()).isEqualTo(VgacClientConfig.DEFAULT_MAX_ATTEMPTS);
    assertThat(c.retryPredict()).isTrue();
    assertThat(c.clusterId()).isEmpty();
    assertThat(c.toBuilder().build().toString()).isEqualTo(c.toString());
  }

  @Test
  void theBuilderRejectsBadValuesNamingThem() {
    VgacClientConfig.Builder b = VgacClientConfig.builder();
    assertThatThrownBy(() -> b.baseUrl("ftp://host")).hasMessage(
        "baseUrl must be an absolute http(s) URL with a host and no user info, query or fragment but was 'ftp://host'");
    assertThatThrownBy(() -> b.baseUrl("http://user:pw@host")).hasMessageContaining("no user info");
    assertThatThrownBy(() -> b.baseUrl("not a url")).hasMessageContaining("'not a url'");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .hasMessage("requestTimeout must be in [1 ms, 10 min] but was PT0S");
    assertThatThrownBy(() -> b.maxAttempts(0)).hasMessage("maxAttempts must be in [1, 10] but was 0");
    assertThatThrownBy(() -> b.jitter(1.5)).hasMessage("jitter must be in [0, 1] but was 1.5");
    assertThatThrownBy(() -> b.backoffMultiplier(0.5)).hasMessage("backoffMultiplier must be in [1, 10] but was 0.5");
    assertThatThrownBy(() -> b.failureRateThreshold(0)).hasMessageContaining("failureRateThreshold must be in (0, 100]");
    assertThatThrownBy(() -> b.clusterId(" ")).hasMessage("clusterId must not be blank but was ' '");
    assertThatThrownBy(() -> VgacClientConfig.builder().initialBackoff(Duration.ofSeconds(3))
        .maxBackoff(Duration.ofSeconds(1)).build()).hasMessage("maxBackoff must be ≥ initialBackoff (PT3S) but was PT1S");
    assertThatThrownBy(() -> b.apiKey("sk secret")).hasMessageContaining("apiKey must be printable ASCII")
        .hasMessageNotContaining("secret");
    assertThat(VgacClientConfig.builder().baseUrl("https://vgac.example:8443/prefix/").build().baseUrl())
        .hasToString("https://vgac.example:8443/prefix");
  }

  @Test
  void theEnvironmentSetsUrlKeyAndTimeout() {
    VgacClientConfig c = VgacClientConfig.fromEnvironment(Map.of("VGAC_API_BASE_URL", "https://vgac.internal:9000",
        "VGAC_API_KEY", "k-123", "VGAC_TIMEOUT_SECONDS", "2.5"));
    assertThat(c.baseUrl()).hasToString("https://vgac.internal:9000");
    assertThat(c.apiKey()).contains("k-123");
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(VgacClientConfig.fromEnvironment(Map.of("VGAC_TIMEOUT_SECONDS", "30")).connectTimeout())
        .isEqualTo(VgacClientConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(VgacClientConfig.fromEnvironment(Map.of()).toString()).isEqualTo(VgacClientConfig.ofDefaults().toString());
    assertThat(VgacClientConfig.fromEnvironment(Map.of("VGAC_API_KEY", "")).apiKey()).isEmpty();
  }

  @Test
  void badEnvironmentValuesNameTheVariableAndValueButNeverTheKey() {
    assertThatThrownBy(() -> VgacClientConfig.fromEnvironment(Map.of("VGAC_API_BASE_URL", "localhost:8000")))
        .hasMessage("VGAC_API_BASE_URL must be an absolute http(s) URL such as http://localhost:8000 but was "
            + "'localhost:8000'");
    for (String bad : new String[] {"ten", "0", "-5", "601", "1e9"}) {
      assertThatThrownBy(() -> VgacClientConfig.fromEnvironment(Map.of("VGAC_TIMEOUT_SECONDS", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("VGAC_TIMEOUT_SECONDS must be a number of seconds in [0.001, 600] but was '" + bad + "'");
    }
    String key = "sk-live abc\u0007def";
    assertThatThrownBy(() -> VgacClientConfig.fromEnvironment(Map.of("VGAC_API_KEY", key)))
        .hasMessageStartingWith("VGAC_API_KEY must be printable ASCII without spaces (character 8 is not)")
        .hasMessageNotContaining("sk-live").hasMessageNotContaining("def");
    assertThatThrownBy(() -> VgacClientConfig.fromEnvironment(Map.of("VGAC_API_KEY", "   ")))
        .hasMessage("VGAC_API_KEY must not be blank (value not shown)");
  }
}
