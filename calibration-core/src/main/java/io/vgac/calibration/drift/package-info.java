/**
 * Drift detection: the design's ECE-ratio rule ({@link io.vgac.calibration.drift.EceRatioRule}), classic
 * change detectors on a scalar stream ({@link io.vgac.calibration.drift.Adwin},
 * {@link io.vgac.calibration.drift.PageHinkley}, {@link io.vgac.calibration.drift.Cusum}), an anytime-valid
 * calibration monitor ({@link io.vgac.calibration.drift.CalibrationEDetector}) and the population stability
 * index ({@link io.vgac.calibration.drift.PopulationStabilityIndex}).
 *
 * <p>Configurations and results are immutable; detectors are mutable, single-threaded objects.
 */
@NullMarked
package io.vgac.calibration.drift;

import org.jspecify.annotations.NullMarked;
