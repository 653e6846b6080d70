package io.vgac.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** Reads a {@link VgacClientConfig} from environment variables, naming the variable in every error. */
final class EnvironmentConfig {
  static final String BASE_URL = "VGAC_API_BASE_URL";
  static final String API_KEY = "VGAC_API_KEY";
  static final String TIMEOUT_SECONDS = "VGAC_TIMEOUT_SECONDS";

  private EnvironmentConfig() {}

  static VgacClientConfig read(Map<String, String> env) {
    VgacClientConfig.Builder b = VgacClientConfig.builder();
    String url = env.get(BASE_URL);
    if (url != null && !url.isBlank()) {
      try {
        b.baseUrl(url.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            BASE_URL + " must be an absolute http(s) URL such as http://localhost:8000 but was '" + url + "'", e);
      }
    }
    String key = env.get(API_KEY);
    if (key != null && !key.isEmpty()) {
      String why = ApiKeys.problem(key);
      if (why != null) {
        throw new IllegalArgumentException(API_KEY + " " + why + " (value not shown)");
      }
      b.apiKey(key);
    }
    String timeout = env.get(TIMEOUT_SECONDS);
    if (timeout != null && !timeout.isBlank()) {
      Duration d = seconds(timeout.trim());
      b.requestTimeout(d);
      b.connectTimeout(d.compareTo(VgacClientConfig.DEFAULT_CONNECT_TIMEOUT) < 0
          ? d : VgacClientConfig.DEFAULT_CONNECT_TIMEOUT);
    }
    return b.build();
  }

  private static Duration seconds(String text) {
    BigDecimal s;
    try {
      s = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (s.compareTo(new BigDecimal("0.001")) < 0 || s.compareTo(BigDecimal.valueOf(600)) > 0) {
      throw invalid(text);
    }
    return Duration.ofMillis(s.movePointRight(3).longValue());
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        TIMEOUT_SECONDS + " must be a number of seconds in [0.001, 600] but was '" + text + "'");
  }
}
