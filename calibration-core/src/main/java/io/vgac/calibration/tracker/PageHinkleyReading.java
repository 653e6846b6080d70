package io.vgac.calibration.tracker;

/**
 * Page-Hinkley's state (on the absolute error |y − p|) in an {@link EnvironmentState}.
 *
 * @param statistic the Page-Hinkley statistic
 * @param estimate mean absolute error since its last (re)start; NaN when none
 * @param detections increases flagged since the last restart
 */
public record PageHinkleyReading(double statistic, double estimate, long detections) {}
