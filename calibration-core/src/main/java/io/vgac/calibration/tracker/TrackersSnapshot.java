package io.vgac.calibration.tracker;

import java.util.List;

/**
 * The state of a whole {@link EnvironmentTrackers} fleet as a plain serialisable value.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; restore refuses any other
 * @param windowSize the window capacity the snapshot was taken with (restore needs a capacity at least as large
 *     as every saved window)
 * @param bins the number of bins (must match the restoring configuration)
 * @param environmentIds every environment id, in order; each tracker must be listed exactly once
 * @param trackers one snapshot per environment, in the order of {@code environmentIds}
 */
public record TrackersSnapshot(
    int formatVersion, int windowSize, int bins, List<String> environmentIds, List<TrackerSnapshot> trackers) {
  public static final int FORMAT_VERSION = 1;

  public TrackersSnapshot {
    environmentIds = List.copyOf(environmentIds);
    trackers = List.copyOf(trackers);
  }
}
