package io.vgac.calibration.drift;

/**
 * The first alarm of a {@link CalibrationEDetector} since its last reset.
 *
 * @param index 0-based index of the observation (since the last reset) at which the statistic reached the
 *     threshold
 * @param deviation the departure with the largest evidence at that moment
 * @param statistic the e-detector statistic at the alarm (≥ threshold)
 * @param threshold 1/α
 */
public record CalibrationAlarm(
    long index, CalibrationDeviation deviation, double statistic, double threshold) {

  /** The coarse direction of {@link #deviation()}: over, under or spread. */
  public DriftDirection direction() {
    return deviation.direction();
  }
}
