package io.vgac.calibration.tracker;

import io.vgac.calibration.drift.DriftAssessment;
import io.vgac.calibration.drift.EceRatioRule;

/**
 * The design's ECE-ratio assessment together with the noise floor of the same window, so that a "drift" that
 * small-sample noise alone would produce can be told apart from a real one.
 *
 * @param assessment the design's ratio band for the window's ECE against the baseline
 * @param noise what a perfectly calibrated model would show on the same scores
 * @param noiseRatio {@code noise.mean() / baseline}: the ratio a perfectly calibrated model would show on average
 * @param withinNoise true when the window's ECE is at or below the noise floor's 95% quantile: the assessed drift
 *     (if any) is consistent with noise
 */
public record DriftCheck(DriftAssessment assessment, EceNoiseFloor noise, double noiseRatio, boolean withinNoise) {

  /** Assesses {@code currentEce} against {@code baselineEce} with {@code rule} and attaches {@code noise}. */
  public static DriftCheck of(EceRatioRule rule, double currentEce, double baselineEce, EceNoiseFloor noise) {
    DriftAssessment a = rule.assess(currentEce, baselineEce);
    return new DriftCheck(a, noise, noise.mean() / a.baselineEce(), currentEce <= noise.quantile95());
  }

  /** The mean ECE of a calibrated model on the same scores. */
  public double noiseEce() {
    return noise.mean();
  }
}
