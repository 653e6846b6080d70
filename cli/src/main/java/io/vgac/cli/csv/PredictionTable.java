package io.vgac.cli.csv;

import io.vgac.calibration.Predictions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PredictionCsvReader#readTable} read: the predictions and, when a group column (an environment id) was
 * selected, each row's group.
 *
 * <p>Groups are numbered 0, 1, … in order of first appearance; {@link #groupNames()} holds each distinct id once.
 * Not a record because it owns a per-row {@code int[]} that is never handed out (a record would expose it or copy
 * it on construction); it is immutable.
 */
public final class PredictionTable {
  private final Predictions predictions;
  private final int @Nullable [] groups;
  private final List<String> groupNames;

  /** Takes ownership of {@code groups} (one index into {@code groupNames} per row, or null for no group column). */
  PredictionTable(Predictions predictions, int @Nullable [] groups, List<String> groupNames) {
    if (groups == null ? !groupNames.isEmpty() : groups.length != predictions.size()) {
      throw new IllegalArgumentException("groups must be null with no names or have one entry per row ("
          + predictions.size() + ") but had " + (groups == null ? "null" : groups.length));
    }
    this.predictions = predictions;
    this.groups = groups;
    this.groupNames = List.copyOf(groupNames);
  }

  /** The probabilities and labels, in file order. */
  public Predictions predictions() {
    return predictions;
  }

  /** The number of data rows. */
  public int size() {
    return predictions.size();
  }

  /** Whether a group column was read. */
  public boolean hasGroups() {
    return groups != null;
  }

  /** The distinct group ids in order of first appearance; empty when no group column was read. */
  public List<String> groupNames() {
    return groupNames;
  }

  /**
   * The group index of data row {@code row} (0-based, file order): a position in {@link #groupNames()}.
   *
   * @throws IllegalStateException when no group column was read
   */
  public int groupIndex(int row) {
    if (groups == null) {
      throw new IllegalStateException("no group column was read");
    }
    return groups[row];
  }

  /** The group id of data row {@code row} (0-based), or {@code fallback} when no group column was read. */
  public String groupName(int row, String fallback) {
    return groups == null ? fallback : groupNames.get(groups[row]);
  }

  /** A copy of the per-row group indices, or null when no group column was read. */
  public int @Nullable [] groupIndices() {
    return groups == null ? null : groups.clone();
  }

  @Override
  public String toString() {
    return "PredictionTable[n=" + size() + ", groups=" + (groups == null ? "none" : groupNames.size()) + "]";
  }
}
