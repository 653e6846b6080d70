package io.vgac.calibration.policy;

/**
 * One tier of the graduated intervention policy: the action it allows, the probability a prediction needs to trigger
 * it and the calibration the model needs to qualify for it.
 *
 * @param level 1 (weakest) … 4 (strongest)
 * @param name the action's name (annotate, warn, suggest, gate)
 * @param minProbability p ≥ this triggers the tier
 * @param maxEce ECE ≤ this qualifies a model for the tier
 * @param maxMce MCE ≤ this is also required (+∞: no limit)
 * @param maxTailGap the tail gap at τ = {@code minProbability} ≤ this is also required (+∞: no limit); a tail gap
 *     that cannot be measured (too few rows reach τ) does not satisfy a finite limit
 */
public record Tier(int level, String name, double minProbability, double maxEce, double maxMce, double maxTailGap) {

  /** A tier limited by ECE only, as in the design's standard policy. */
  public Tier(int level, String name, double minProbability, double maxEce) {
    this(level, name, minProbability, maxEce, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  public Tier {
    if (level < 1) {
      throw new IllegalArgumentException("level must be ≥ 1 but was " + level);
    }
    if (!(minProbability >= 0 && minProbability <= 1)) {
      throw new IllegalArgumentException("minProbability must be in [0,1] but was " + minProbability);
    }
    if (!(maxEce >= 0 && maxEce <= 1)) {
      throw new IllegalArgumentException("maxEce must be in [0,1] but was " + maxEce);
    }
    if (!(maxMce >= 0)) {
      throw new IllegalArgumentException("maxMce must be ≥ 0 (or +∞ for no limit) but was " + maxMce);
    }
    if (!(maxTailGap >= 0)) {
      throw new IllegalArgumentException("maxTailGap must be ≥ 0 (or +∞ for no limit) but was " + maxTailGap);
    }
  }

  /** Whether calibration evidence meets every limit of this tier; NaN evidence never meets a finite limit. */
  public boolean admits(double ece, double mce, double tailGap) {
    return ece <= maxEce
        && (maxMce == Double.POSITIVE_INFINITY || mce <= maxMce)
        && (maxTailGap == Double.POSITIVE_INFINITY || tailGap <= maxTailGap);
  }
}
