package io.vgac.agents.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The coefficients of {@link LogisticWaitPredictor}: {@code P(wait > threshold) = σ(intercept + Σ β_f · x_f)} over
 * the {@link QueueFeature}s. A feature without a coefficient has weight 0.
 *
 * <p>JSON form (snake_case; {@code note} is free text and {@code metadata} an object saying where the model came
 * from, both ignored; the optional {@code wait_regression} is a {@link WaitRegressionModel}; any other member is an
 * error, so a misspelt name cannot silently drop a coefficient):
 * <pre>{@code
 * {"model_version": "queue-logistic-1", "long_wait_threshold_seconds": 600, "max_estimated_wait_seconds": 604800,
 *  "intercept": -3.0, "coefficients": {"pending_ratio": 2.0, "gpu_shortfall": 1.5}}
 * }</pre>
 *
 * @param modelVersion reported in every prediction
 * @param intercept finite
 * @param coefficients finite weights by feature
 * @param longWaitThreshold the wait above which a job counts as a long wait (the label the model predicts); &gt; 0
 * @param maxEstimatedWait the largest estimated wait reported; ≥ the threshold
 * @param waitRegression the optional regression of the wait itself and its conformal radius (member
 *     {@code wait_regression}); null in files written before it existed — the predictor then derives the estimated
 *     wait from the probability and gives no interval
 */
public record LogisticWaitModel(
    String modelVersion,
    double intercept,
    Map<QueueFeature, Double> coefficients,
    Duration longWaitThreshold,
    Duration maxEstimatedWait,
    @Nullable WaitRegressionModel waitRegression) {

  /** The classpath resource of the bundled default model. */
  public static final String DEFAULT_RESOURCE = "/io/vgac/agents/spi/default-wait-model.json";

  private static final Set<String> FIELDS = Set.of("model_version", "note", "metadata", "intercept",
      "coefficients", "long_wait_threshold_seconds", "max_estimated_wait_seconds", "wait_regression");
  private static final Set<String> REGRESSION_FIELDS = Set.of("intercept", "coefficients", "interval_radius",
      "interval_coverage");

  public LogisticWaitModel {
    if (modelVersion.isBlank()) {
      throw new IllegalArgumentException("model_version must not be blank but was '" + modelVersion + "'");
    }
    finite("intercept", intercept);
    EnumMap<QueueFeature, Double> copy = new EnumMap<>(QueueFeature.class);
    for (Map.Entry<QueueFeature, Double> e : coefficients.entrySet()) {
      copy.put(e.getKey(), finite("coefficients." + e.getKey().wireName(), e.getValue()));
    }
    coefficients = Collections.unmodifiableMap(copy);
    if (longWaitThreshold.isNegative() || longWaitThreshold.isZero()) {
      throw new IllegalArgumentException("long_wait_threshold_seconds must be > 0 but was "
          + longWaitThreshold.toSeconds());
    }
    if (maxEstimatedWait.compareTo(longWaitThreshold) < 0) {
      throw new IllegalArgumentException("max_estimated_wait_seconds must be ≥ long_wait_threshold_seconds ("
          + longWaitThreshold.toSeconds() + ") but was " + maxEstimatedWait.toSeconds());
    }
  }

  /** A model without the wait regression (the form before it existed). */
  public LogisticWaitModel(String modelVersion, double intercept, Map<QueueFeature, Double> coefficients,
      Duration longWaitThreshold, Duration maxEstimatedWait) {
    this(modelVersion, intercept, coefficients, longWaitThreshold, maxEstimatedWait, null);
  }

  /** This model with {@code regression} as its wait part (null removes it). */
  public LogisticWaitModel withWaitRegression(@Nullable WaitRegressionModel regression) {
    return new LogisticWaitModel(modelVersion, intercept, coefficients, longWaitThreshold, maxEstimatedWait,
        regression);
  }

  /** The weight of {@code feature}; 0 when the model has none. */
  public double coefficient(QueueFeature feature) {
    return coefficients.getOrDefault(feature, 0.0);
  }

  /**
   * The bundled default: trained by trace-lab on the KTH-SP2 trace ({@code ./vgac train}); its {@code note} and
   * {@code metadata} say how, on which jobs, and how well it did on its held-out test part.
   */
  public static LogisticWaitModel defaultModel() {
    try (InputStream in = LogisticWaitModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The default wait model " + DEFAULT_RESOURCE + " is missing from the jar");
      }
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the default wait model " + DEFAULT_RESOURCE, e);
    }
  }

  /**
   * Reads a model file.
   *
   * @throws IllegalArgumentException naming the file and the offending field
   * @throws UncheckedIOException when the file cannot be read
   */
  public static LogisticWaitModel load(Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read wait model " + file, e);
    }
    try {
      return fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a model.
   *
   * @throws IllegalArgumentException for malformed JSON, an unknown member or feature, a missing member, or a value
   *     that is not a finite number; the message names the field
   */
  public static LogisticWaitModel fromJson(String json) {
    JsonNode root;
    try {
      root = AgentsJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Malformed wait model JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("Invalid wait model JSON: the document must be an object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("Invalid wait model JSON: unknown field '" + name + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
      }
    }
    JsonNode metadata = root.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      throw new IllegalArgumentException("Invalid wait model JSON: metadata must be an object but was "
          + describe(metadata));
    }
    JsonNode version = root.get("model_version");
    if (version == null || !version.isTextual()) {
      throw new IllegalArgumentException("Invalid wait model JSON: model_version must be a string but was "
          + describe(version));
    }
    JsonNode coef = root.get("coefficients");
    if (coef == null || !coef.isObject()) {
      throw new IllegalArgumentException("Invalid wait model JSON: coefficients must be an object but was "
          + describe(coef));
    }
    EnumMap<QueueFeature, Double> weights = weights(coef, "coefficients");
    double threshold = number(root.get("long_wait_threshold_seconds"), "long_wait_threshold_seconds");
    double max = number(root.get("max_estimated_wait_seconds"), "max_estimated_wait_seconds");
    WaitRegressionModel regression = regression(root.get("wait_regression"));
    try {
      return new LogisticWaitModel(version.asText(), number(root.get("intercept"), "intercept"), weights,
          seconds("long_wait_threshold_seconds", threshold), seconds("max_estimated_wait_seconds", max),
          regression);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid wait model JSON: " + e.getMessage(), e);
    }
  }

  private static @Nullable WaitRegressionModel regression(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("Invalid wait model JSON: wait_regression must be an object but was "
          + describe(node));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!REGRESSION_FIELDS.contains(name)) {
        throw new IllegalArgumentException("Invalid wait model JSON: unknown field 'wait_regression." + name
            + "' (known: " + String.join(", ", new java.util.TreeSet<>(REGRESSION_FIELDS)) + ")");
      }
    }
    JsonNode coef = node.get("coefficients");
    if (coef == null || !coef.isObject()) {
      throw new IllegalArgumentException("Invalid wait model JSON: wait_regression.coefficients must be an object"
          + " but was " + describe(coef));
    }
    EnumMap<QueueFeature, Double> weights = weights(coef, "wait_regression.coefficients");
    try {
      return new WaitRegressionModel(number(node.get("intercept"), "wait_regression.intercept"), weights,
          number(node.get("interval_radius"), "wait_regression.interval_radius"),
          number(node.get("interval_coverage"), "wait_regression.interval_coverage"));
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith("Invalid wait model JSON") ? e
          : new IllegalArgumentException("Invalid wait model JSON: " + e.getMessage(), e);
    }
  }

  private static EnumMap<QueueFeature, Double> weights(JsonNode coef, String field) {
    EnumMap<QueueFeature, Double> weights = new EnumMap<>(QueueFeature.class);
    for (Map.Entry<String, JsonNode> e : coef.properties()) {
      QueueFeature f;
      try {
        f = QueueFeature.fromWireName(e.getKey());
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException("Invalid wait model JSON: " + field + "." + e.getKey()
            + " is not a known feature (known: " + QueueFeature.known() + ")", x);
      }
      weights.put(f, number(e.getValue(), field + "." + e.getKey()));
    }
    return weights;
  }

  private static Duration seconds(String field, double s) {
    if (!(s > 0) || s > Long.MAX_VALUE / 1_000_000_000L) {
      throw new IllegalArgumentException(field + " must be in (0, 9.2e9] but was " + s);
    }
    return Duration.ofNanos(Math.round(s * 1e9));
  }

  private static double number(@Nullable JsonNode v, String field) {
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("Invalid wait model JSON: " + field + " must be a finite number but was "
          + describe(v));
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("Invalid wait model JSON: " + field + " must be a finite number but was "
          + v);
    }
    return d;
  }

  private static double finite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(field + " must be a finite number but was " + v);
    }
    return v;
  }

  private static String describe(@Nullable JsonNode v) {
    return v == null ? "missing" : v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
  }
}
