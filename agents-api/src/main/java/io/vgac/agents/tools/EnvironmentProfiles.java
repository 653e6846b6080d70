package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory store of environment profiles behind {@code tool_update_environment_profile} and
 * {@code tool_get_environment_profile}. Thread-safe; an update is atomic per cluster. (A durable store comes with
 * the CalibrationStore SPI.)
 */
public final class EnvironmentProfiles {
  private final Clock clock;
  private final ConcurrentHashMap<String, EnvironmentProfile> profiles = new ConcurrentHashMap<>();

  public EnvironmentProfiles(Clock clock) {
    this.clock = clock;
  }

  /** Profiles timed by the system clock (UTC). */
  public static EnvironmentProfiles inMemory() {
    return new EnvironmentProfiles(Clock.systemUTC());
  }

  /**
   * Merges {@code metrics} into the profile of {@code clusterId} (members of {@code metrics} replace stored ones
   * of the same name, others are kept) and returns the new profile.
   *
   * @throws IllegalArgumentException for a blank cluster id
   */
  public EnvironmentProfile update(String clusterId, ObjectNode metrics) {
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    ObjectNode add = metrics.deepCopy();
    return profiles.compute(clusterId, (id, old) -> {
      ObjectNode merged = old == null ? Wire.object() : old.metrics();
      merged.setAll(add);
      return new EnvironmentProfile(id, merged, clock.instant());
    });
  }

  /** The profile of {@code clusterId}, or empty when none was stored. */
  public Optional<EnvironmentProfile> get(String clusterId) {
    return Optional.ofNullable(profiles.get(clusterId));
  }

  /** Every profile, by sorted cluster id. */
  public List<EnvironmentProfile> all() {
    return new ArrayList<>(new TreeMap<>(profiles).values());
  }

  public int size() {
    return profiles.size();
  }
}
