package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.Bin;
import java.util.List;

/**
 * The metrics a {@link CalibrationAccumulator} can give without the sorted data: everything that is a sum over rows
 * or over fixed bins. The values equal those of {@link CalibrationMetrics#report} on the same rows and bins (up to
 * floating-point rounding); AUROC, AUPRC, CORP and data-defined bins need the sorted data and are not here.
 * On an empty accumulator every rate is NaN.
 */
public record CalibrationSnapshot(
    long n,
    double weight,
    double positives,
    double prevalence,
    double brier,
    double logLoss,
    double ece,
    double mce,
    double rmsce,
    double eceDebiased,
    MurphyDecomposition murphy,
    double spiegelhalterZ,
    double observedExpected,
    List<Bin> bins) {

  public CalibrationSnapshot {
    bins = List.copyOf(bins);
  }

  public boolean isEmpty() {
    return n == 0;
  }
}
