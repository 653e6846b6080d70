package io.vgac.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The platform's calibration of its wait predictions ({@code GET /api/jobs/predict/calibration}).
 *
 * @param ece expected calibration error, in [0,1]; NaN when the platform does not know it (null or absent)
 * @param brierScore Brier score, in [0,1]; NaN when unknown
 * @param sampleCount outcomes the figures rest on, ≥ 0 (0 when absent)
 * @param lastRecalibration when the platform last recalibrated; null when never (or not reported)
 * @param recalibrationNeeded whether the platform itself asks for a recalibration
 */
public record PlatformCalibration(
    double ece, double brierScore, long sampleCount, @Nullable Instant lastRecalibration, boolean recalibrationNeeded) {

  public PlatformCalibration {
    if (!Double.isNaN(ece) && !(ece >= 0 && ece <= 1)) {
      throw new IllegalArgumentException("ece must be in [0,1] or NaN (unknown) but was " + ece);
    }
    if (!Double.isNaN(brierScore) && !(brierScore >= 0 && brierScore <= 1)) {
      throw new IllegalArgumentException("brier_score must be in [0,1] or NaN (unknown) but was " + brierScore);
    }
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sample_count must be ≥ 0 but was " + sampleCount);
    }
  }

  static PlatformCalibration from(JsonNode n) {
    Fields.object(n, "calibration");
    return new PlatformCalibration(Fields.number(n, "ece", Double.NaN), Fields.number(n, "brier_score", Double.NaN),
        Fields.longInteger(n, "sample_count", 0), Fields.instant(n, "last_recalibration"),
        Fields.bool(n, "recalibration_needed", false));
  }
}
