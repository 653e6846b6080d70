package io.vgac.calibration.policy;

/**
 * One tier of the graduated intervention policy: the action it allows, the probability a prediction needs to trigger
 * it and the calibration the model needs to qualify for it.
 *
 * @param level 1 (weakest) … 4 (strongest)
 * @param name the action's name (annotate, warn, suggest, gate)
 * @param minProbability p ≥ this triggers the tier
 * @param maxEce ECE ≤ this qualifies a model for the tier
 */
public record Tier(int level, String name, double minProbability, double maxEce) {
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
  }
}
