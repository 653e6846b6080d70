package io.vgac.calibration.metrics;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;

/**
 * Entry point for batch calibration metrics. {@link #report} computes everything in a handful of linear passes
 * after one stable radix sort; the single-metric helpers are conveniences over the same code.
 *
 * <pre>{@code
 * CalibrationReport r = CalibrationMetrics.report(Predictions.of(p, y));
 * double ece = r.ece();
 * }</pre>
 */
public final class CalibrationMetrics {
  private CalibrationMetrics() {}

  public static CalibrationReport report(Predictions predictions) {
    return report(predictions, CalibrationOptions.ofDefaults());
  }

  public static CalibrationReport report(Predictions predictions, CalibrationOptions options) {
    return MetricEngine.compute(SortedPredictions.of(predictions), null, options, MetricEngine.ALL_GROUPS);
  }

  /** ECE with {@code bins} bins of the given scheme. */
  public static double ece(double[] p, int[] y, Binning binning) {
    return report(Predictions.of(p, y), CalibrationOptions.builder().binning(binning).build()).ece();
  }

  /** AUROC, ties counted one half; NaN when only one class is present. */
  public static double auroc(double[] p, int[] y) {
    return report(Predictions.of(p, y)).auroc();
  }

  /** Mean squared error of the probabilities. */
  public static double brier(double[] p, int[] y) {
    return report(Predictions.of(p, y)).brier();
  }
}
