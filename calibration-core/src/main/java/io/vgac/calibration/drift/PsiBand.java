package io.vgac.calibration.drift;

/** Bands of the population stability index (defaults: &lt; 0.1 stable, 0.1–0.25 moderate, &gt; 0.25 severe). */
public enum PsiBand {
  /** PSI below the moderate edge (0.1): no meaningful shift. */
  STABLE,
  /** PSI from the moderate edge (0.1) up to and including the severe edge (0.25). */
  MODERATE,
  /** PSI above the severe edge (0.25). */
  SEVERE,
  /** One of the samples was empty: no PSI (the value is NaN). */
  INSUFFICIENT_DATA
}
