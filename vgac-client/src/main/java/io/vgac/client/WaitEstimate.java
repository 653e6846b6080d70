package io.vgac.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The response of {@code POST /api/predict/wait}.
 *
 * @param probabilityLongWait the platform's probability of a long wait, in [0,1]
 * @param estimatedWait the point estimate of the wait, ≥ 0
 * @param waitCategory e.g. {@code "high"}; empty when not reported
 * @param confidence the platform's confidence, in [0,1]
 * @param calibrated whether the platform says the probability is calibrated ({@code is_calibrated})
 * @param recommendation the platform's advice; null when none
 * @param modelVersion {@code model_version} when the platform reports one; null otherwise
 */
public record WaitEstimate(
    double probabilityLongWait,
    Duration estimatedWait,
    String waitCategory,
    double confidence,
    boolean calibrated,
    @Nullable String recommendation,
    @Nullable String modelVersion) {

  static WaitEstimate from(JsonNode n) {
    Fields.object(n, "prediction");
    double p = unit(n, "probability_long_wait");
    double seconds = Fields.number(n, "estimated_wait_seconds");
    if (seconds < 0) {
      throw new IllegalArgumentException("field 'estimated_wait_seconds' must be ≥ 0 but was " + seconds);
    }
    String category = Fields.optionalText(n, "wait_category");
    return new WaitEstimate(p, Duration.ofMillis(Math.round(seconds * 1000)), category == null ? "" : category,
        unit(n, "confidence"), Fields.bool(n, "is_calibrated", false), Fields.optionalText(n, "recommendation"),
        Fields.optionalText(n, "model_version"));
  }

  private static double unit(JsonNode n, String field) {
    double v = Fields.number(n, field);
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException("field '" + field + "' must be in [0,1] but was " + v);
    }
    return v;
  }
}
