package io.vgac.calibration.tracker;

/** How {@link EceBounds} bounds the ECE from above. */
public enum UpperBoundMethod {
  /** Seeded bootstrap percentile of the ECE over resampled rows (tight, costs resamples × rows). */
  BOOTSTRAP,
  /**
   * Hoeffding's inequality per bin with a union bound over the bins, given the scores: distribution-free and
   * O(bins), but conservative (it needs tens of thousands of rows to certify ECE below 0.03 with 15 bins).
   */
  ANALYTIC
}
