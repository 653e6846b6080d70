package io.vgac.agents.tools;

import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;

/**
 * Trackers fed with deterministic outcomes of known ECE: each probability is repeated with an exact share of
 * positive labels, so the window's ECE is known without sampling noise.
 */
final class Seeded {
  static final long T0 = 1_767_607_200_000L; // 2026-01-05T10:00:00Z

  private Seeded() {}

  static EnvironmentTrackers trackers() {
    return new EnvironmentTrackers(TrackerConfig.ofDefaults(), () -> T0, TrackerListener.NONE);
  }

  /**
   * Feeds {@code n} outcomes alternating between p = {@code lo} and p = {@code hi}, whose labels are positive
   * {@code loPos}/{@code cycle} and {@code hiPos}/{@code cycle} of the time.
   */
  static void feed(EnvironmentTrackers t, String env, int n, double lo, int loPos, double hi, int hiPos, int cycle) {
    for (int i = 0; i < n; i++) {
      int k = (i / 2) % cycle;
      if (i % 2 == 0) {
        t.update(env, lo, k < loPos ? 1 : 0);
      } else {
        t.update(env, hi, k < hiPos ? 1 : 0);
      }
    }
  }

  /** ECE 0: p = 0.25 with 1 in 4 positive, p = 0.75 with 3 in 4. */
  static void calibrated(EnvironmentTrackers t, String env, int n) {
    feed(t, env, n, 0.25, 1, 0.75, 3, 4);
  }

  /** ECE 0.06 (ratio 3.3 against the default baseline 0.018): p = 0.3 at 6/25, p = 0.7 at 19/25. */
  static void significant(EnvironmentTrackers t, String env, int n) {
    feed(t, env, n, 0.3, 6, 0.7, 19, 25);
  }

  /** ECE 0.4: p = 0.9 (and 0.9) with half the labels positive. */
  static void miscalibrated(EnvironmentTrackers t, String env, int n) {
    feed(t, env, n, 0.9, 1, 0.9, 1, 2);
  }
}
