package io.vgac.calibration.tracker;

import io.vgac.calibration.drift.CalibrationAlarm;
import io.vgac.calibration.drift.DriftDirection;
import org.jspecify.annotations.Nullable;

/**
 * The calibration e-detector's state in an {@link EnvironmentState}.
 *
 * @param statistic the e-detector statistic (average of the e-CUSUMs); 0 before any observation
 * @param threshold 1/α
 * @param count observations since its last restart (recalibration)
 * @param alarm the first alarm since the last restart, or null
 * @param direction the alarm's direction, UNKNOWN when there is no alarm
 */
public record EDetectorReading(
    double statistic, double threshold, long count, @Nullable CalibrationAlarm alarm, DriftDirection direction) {

  public boolean alarmed() {
    return alarm != null;
  }
}
