package io.vgac.tracelab.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.agents.spi.QueueFeature;
import io.vgac.agents.spi.WaitRegressionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a {@link LogisticWaitModel} in the JSON form {@link LogisticWaitModel#fromJson} reads (numbers written in
 * their shortest exact form, so a read-back model has the same doubles).
 */
public final class WaitModelFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WaitModelFiles() {}

  /** The JSON text, with {@code note} as free text. */
  public static String toJson(LogisticWaitModel model, String note) {
    return toJson(model, note, Map.of());
  }

  /**
   * The JSON text with a {@code metadata} object (where the model came from: trace, split, metrics), which the
   * agents' reader accepts and ignores. Values are strings, numbers, booleans, lists and maps; a map keeps its
   * iteration order, so a {@link java.util.LinkedHashMap} gives a stable, reproducible file.
   */
  public static String toJson(LogisticWaitModel model, String note, Map<String, ?> metadata) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model_version", model.modelVersion());
    root.put("note", note);
    if (!metadata.isEmpty()) {
      root.set("metadata", MAPPER.valueToTree(metadata));
    }
    root.put("long_wait_threshold_seconds", model.longWaitThreshold().toNanos() / 1e9);
    root.put("max_estimated_wait_seconds", model.maxEstimatedWait().toNanos() / 1e9);
    root.put("intercept", model.intercept());
    ObjectNode coef = root.putObject("coefficients");
    for (Map.Entry<QueueFeature, Double> e : model.coefficients().entrySet()) {
      coef.put(e.getKey().wireName(), e.getValue());
    }
    WaitRegressionModel r = model.waitRegression();
    if (r != null) { // written only when present: older readers of files without it are unaffected
      ObjectNode w = root.putObject("wait_regression");
      w.put("intercept", r.intercept());
      ObjectNode wc = w.putObject("coefficients");
      for (Map.Entry<QueueFeature, Double> e : r.coefficients().entrySet()) {
        wc.put(e.getKey().wireName(), e.getValue());
      }
      w.put("interval_radius", r.intervalRadius());
      w.put("interval_coverage", r.intervalCoverage());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a wait model", e);
    }
  }

  /** Writes the file atomically (temporary file beside it, then a rename). */
  public static void write(Path file, LogisticWaitModel model, String note) {
    Path abs = file.toAbsolutePath();
    Path temp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
    try {
      Files.writeString(temp, toJson(model, note), StandardCharsets.UTF_8);
      Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write wait model " + file + ": " + e.getMessage(), e);
    }
  }
}
