package io.vgac.calibration.drift;

/**
 * The complete mutable state of a {@link PageHinkley} detector, for persistence.
 *
 * @param count items since the last reset
 * @param detections changes flagged since the last reset
 * @param changeDetected whether the last item flagged a change (the next item restarts the test)
 * @param counter MOA's {@code m_n}: 1 + items since the last (re)start
 * @param mean running mean since the last (re)start
 * @param sum the Page-Hinkley statistic
 */
public record PageHinkleyState(
    long count, long detections, boolean changeDetected, long counter, double mean, double sum) {}
