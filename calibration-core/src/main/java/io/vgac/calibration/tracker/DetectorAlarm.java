package io.vgac.calibration.tracker;

import io.vgac.calibration.drift.DriftDirection;

/**
 * An alarm raised by one of an environment's detectors.
 *
 * @param envId the environment
 * @param detector which detector
 * @param direction over / under / spread when the detector can tell, else unknown
 * @param statistic the detector's statistic at the alarm (e-value, ECE ratio, ADWIN mean change, PH statistic)
 * @param sampleIndex 0-based index of the environment's sample at which it was raised
 * @param timeMillis the tracker clock's time of that sample
 */
public record DetectorAlarm(
    String envId,
    DetectorKind detector,
    DriftDirection direction,
    double statistic,
    long sampleIndex,
    long timeMillis) {}
