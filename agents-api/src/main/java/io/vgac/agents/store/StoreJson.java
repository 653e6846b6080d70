package io.vgac.agents.store;

import io.vgac.agents.model.AgentsJson;
import io.vgac.calibration.tracker.TrackersSnapshot;

/**
 * The JSON form of what a {@link CalibrationStore} keeps, through {@link AgentsJson#mapper()} (snake_case; NaN is
 * written as the string {@code "NaN"} and read back as NaN). Store adapters use it so every backend holds the same
 * documents.
 */
public final class StoreJson {
  private StoreJson() {}

  /** {@code value} (a store record or a {@link TrackersSnapshot}) as one line of JSON. */
  public static String write(Object value) {
    return AgentsJson.write(value);
  }

  /**
   * Parses a store record or a {@link TrackersSnapshot}.
   *
   * @throws IllegalArgumentException for malformed JSON or a value its type rejects, naming the type and the cause
   */
  public static <T> T read(String json, Class<T> type) {
    return AgentsJson.read(json, type);
  }
}
