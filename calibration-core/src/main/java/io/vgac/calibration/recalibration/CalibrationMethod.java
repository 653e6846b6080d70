package io.vgac.calibration.recalibration;

import io.vgac.calibration.Predictions;
import org.jspecify.annotations.Nullable;

/**
 * The batch recalibration methods, each fitted on probabilities and 0/1 labels with its fitter's defaults. Platt
 * scaling here works on the log-odds ({@link PlattCalibrator.Input#LOGIT}), since the inputs are probabilities.
 * For other settings use the fitters directly.
 */
public enum CalibrationMethod {
  /** {@link PlattScaling} on clipped log-odds. */
  PLATT("platt"),
  /** {@link IsotonicRegression}, linear interpolation, values in {@code [0,1]}. */
  ISOTONIC("isotonic"),
  /** {@link BetaCalibration}. */
  BETA("beta"),
  /** {@link HistogramBinning}: 10 equal-mass bins. */
  HISTOGRAM("histogram"),
  /** {@link TemperatureScaling}, {@code T ∈ [0.05, 20]}. */
  TEMPERATURE("temperature");

  private static final PlattScaling PLATT_ON_LOGITS =
      PlattScaling.builder().input(PlattCalibrator.Input.LOGIT).build();

  private final String id;

  CalibrationMethod(String id) {
    this.id = id;
  }

  /** The identifier reported by {@link Calibrator#method()} of this method's calibrators. */
  public String id() {
    return id;
  }

  /** The method whose {@link #id()} is {@code id}. */
  public static CalibrationMethod fromId(String id) {
    for (CalibrationMethod m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("Unknown calibration method: " + id);
  }

  /** Fits this method on unweighted probabilities and labels. */
  public Calibrator fit(double[] p, int[] labels) {
    return fit(p, labels, null);
  }

  /** Fits this method on probabilities and labels; null weights mean unit weights. */
  public Calibrator fit(double[] p, int[] labels, double @Nullable [] weights) {
    return fit(Predictions.of(p, labels, weights));
  }

  /** Fits this method on validated predictions. */
  public Calibrator fit(Predictions predictions) {
    switch (this) {
      case PLATT:
        return PLATT_ON_LOGITS.fit(predictions);
      case ISOTONIC:
        return IsotonicRegression.ofDefaults().fit(predictions);
      case BETA:
        return BetaCalibration.ofDefaults().fit(predictions);
      case HISTOGRAM:
        return HistogramBinning.ofDefaults().fit(predictions);
      case TEMPERATURE:
        return TemperatureScaling.ofDefaults().fit(predictions);
      default:
        throw new AssertionError(this);
    }
  }
}
