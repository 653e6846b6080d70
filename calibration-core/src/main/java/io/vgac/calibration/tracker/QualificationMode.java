package io.vgac.calibration.tracker;

/** Which ECE decides the qualified tier. Both are always reported; the mode says which one is acted on. */
public enum QualificationMode {
  /** The design's rule: the ECE point estimate. Lucky small samples can qualify for tiers they do not deserve. */
  POINT,
  /** The one-sided upper confidence bound of ECE: a tier is granted only when the data show it is deserved. */
  UPPER_BOUND
}
