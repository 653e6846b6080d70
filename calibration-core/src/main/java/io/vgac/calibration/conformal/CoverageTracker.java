package io.vgac.calibration.conformal;

import io.vgac.calibration.Interval;
import io.vgac.calibration.binning.BinInterval;

/**
 * Realised coverage of prediction intervals: over the last {@code window} outcomes and since the start, each with a
 * Wilson score interval at a confidence level (the figure reported beside ECE in the tools' evidence and the decision
 * log). Bounded memory (one bit per windowed outcome). Not thread-safe; {@link #state()}/{@link #resume} store and
 * restore it exactly, {@link #plus} merges two trackers.
 */
public final class CoverageTracker {
  /** The default window: enough outcomes for a ±2.5-point Wilson half-width around 80% at 95% confidence. */
  public static final int DEFAULT_WINDOW = 1000;
  /** The default confidence level of the intervals. */
  public static final double DEFAULT_LEVEL = 0.95;

  private final int window;
  private final double level;
  private final boolean[] ring;
  private int head;
  private int size;
  private int windowCovered;
  private long total;
  private long covered;

  /**
   * @throws IllegalArgumentException when {@code window < 1} or {@code level} is not in (0,1)
   */
  public CoverageTracker(int window, double level) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be ≥ 1 but was " + window);
    }
    SplitConformal.checkMissRate("level", level);
    this.window = window;
    this.level = level;
    this.ring = new boolean[window];
  }

  public static CoverageTracker ofDefaults() {
    return new CoverageTracker(DEFAULT_WINDOW, DEFAULT_LEVEL);
  }

  /** A tracker continuing from {@code state}; the newest {@code window} outcomes of the state are kept. */
  public static CoverageTracker resume(int window, double level, CoverageState state) {
    CoverageTracker t = new CoverageTracker(window, level);
    boolean[] recent = state.recent();
    for (int i = Math.max(0, recent.length - window); i < recent.length; i++) {
      t.push(recent[i]);
    }
    t.total = state.total();
    t.covered = state.covered();
    return t;
  }

  /** Records one outcome: whether its interval covered the truth. */
  public void record(boolean wasCovered) {
    total++;
    if (wasCovered) {
      covered++;
    }
    push(wasCovered);
  }

  private void push(boolean wasCovered) {
    if (size == window) {
      if (ring[head]) {
        windowCovered--;
      }
      ring[head] = wasCovered;
      head = (head + 1) % window;
    } else {
      ring[(head + size) % window] = wasCovered;
      size++;
    }
    if (wasCovered) {
      windowCovered++;
    }
  }

  public int window() {
    return window;
  }

  public double level() {
    return level;
  }

  /** Outcomes in the window. */
  public int windowCount() {
    return size;
  }

  /** Realised coverage over the window; NaN while it is empty. */
  public double windowCoverage() {
    return size == 0 ? Double.NaN : (double) windowCovered / size;
  }

  /** Wilson interval of the window's coverage; undefined (NaN ends) while it is empty. */
  public Interval windowInterval() {
    return BinInterval.WILSON.interval(windowCovered, size, level);
  }

  /** Outcomes since the start. */
  public long total() {
    return total;
  }

  /** Covered outcomes since the start. */
  public long covered() {
    return covered;
  }

  /** Realised coverage since the start; NaN before the first outcome. */
  public double cumulativeCoverage() {
    return total == 0 ? Double.NaN : (double) covered / total;
  }

  /** Wilson interval of the cumulative coverage; undefined before the first outcome. */
  public Interval cumulativeInterval() {
    return BinInterval.WILSON.interval(covered, total, level);
  }

  /**
   * A new tracker with this one's window and level holding both streams, {@code other}'s outcomes taken as later
   * than this one's (cumulative counts add; the window keeps the newest {@code window} of the concatenation).
   */
  public CoverageTracker plus(CoverageTracker other) {
    CoverageState a = state();
    CoverageState b = other.state();
    boolean[] recent = new boolean[a.recent().length + b.recent().length];
    System.arraycopy(a.recent(), 0, recent, 0, a.recent().length);
    System.arraycopy(b.recent(), 0, recent, a.recent().length, b.recent().length);
    return resume(window, level, new CoverageState(recent, a.total() + b.total(), a.covered() + b.covered()));
  }

  public CoverageState state() {
    boolean[] recent = new boolean[size];
    for (int i = 0; i < size; i++) {
      recent[i] = ring[(head + i) % window];
    }
    return new CoverageState(recent, total, covered);
  }

  @Override
  public String toString() {
    return "CoverageTracker[window " + windowCoverage() + " of " + size + ", cumulative " + cumulativeCoverage()
        + " of " + total + "]";
  }
}
