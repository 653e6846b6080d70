/**
 * Recalibration: maps that turn a model's raw probabilities (or scores) into calibrated probabilities.
 *
 * <p>Every fitted map is an immutable record implementing {@link io.vgac.calibration.recalibration.Calibrator}
 * with plain parameters, so adapters can store it as JSON. Fitters are immutable, built from defaults or a
 * builder, and validate their input: a NaN, an infinite score, a label other than 0/1, a negative weight,
 * mismatched lengths or empty input throw {@link java.lang.IllegalArgumentException} naming index and value.
 *
 * <ul>
 *   <li>{@link io.vgac.calibration.recalibration.PlattScaling} — logistic map of a score (libsvm's Newton method)
 *   <li>{@link io.vgac.calibration.recalibration.IsotonicRegression} — monotone step/piecewise-linear map (PAV)
 *   <li>{@link io.vgac.calibration.recalibration.BetaCalibration} — Kull, Silva Filho &amp; Flach 2017
 *   <li>{@link io.vgac.calibration.recalibration.HistogramBinning} — per-bin observed rates
 *   <li>{@link io.vgac.calibration.recalibration.TemperatureScaling} — one temperature on the log-odds
 *   <li>{@link io.vgac.calibration.recalibration.OnlinePlattScaling} — online Newton step (Gupta &amp; Ramdas 2023)
 *   <li>{@link io.vgac.calibration.recalibration.CalibrationMethod} — fit any batch method with defaults
 * </ul>
 */
@NullMarked
package io.vgac.calibration.recalibration;

import org.jspecify.annotations.NullMarked;
