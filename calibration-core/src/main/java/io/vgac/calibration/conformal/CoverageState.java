package io.vgac.calibration.conformal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The complete state of a {@link CoverageTracker}.
 *
 * @param recent the windowed outcomes, oldest first (true = covered); a copy in and out
 * @param total outcomes since the start (≥ the window's length)
 * @param covered covered outcomes since the start (in [0, total], ≥ the window's covered count and leaving room
 *     for its misses)
 */
public record CoverageState(boolean[] recent, long total, long covered) {

  public CoverageState {
    recent = recent.clone();
    if (total < recent.length) {
      throw new IllegalArgumentException("total must be ≥ the window's " + recent.length + " outcomes but was "
          + total);
    }
    int inWindow = 0;
    for (boolean b : recent) {
      inWindow += b ? 1 : 0;
    }
    long windowMisses = recent.length - inWindow;
    if (covered < inWindow || covered > total - windowMisses) {
      throw new IllegalArgumentException("covered must be in [" + inWindow + "," + (total - windowMisses)
          + "] but was " + covered);
    }
  }

  @Override
  public boolean[] recent() {
    return recent.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoverageState s && Arrays.equals(recent, s.recent) && total == s.total
        && covered == s.covered;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(recent), total, covered);
  }

  @Override
  public String toString() {
    return "CoverageState[recent=" + recent.length + ", total=" + total + ", covered=" + covered + "]";
  }
}
