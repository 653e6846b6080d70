package io.vgac.calibration.tracker;

/**
 * ADWIN's state (on the residual y − p) in an {@link EnvironmentState}.
 *
 * @param width items in ADWIN's current window
 * @param estimate mean residual over that window (NaN when empty): &gt; 0 means predictions too low
 * @param detections changes flagged since the last restart
 */
public record AdwinReading(long width, double estimate, long detections) {}
