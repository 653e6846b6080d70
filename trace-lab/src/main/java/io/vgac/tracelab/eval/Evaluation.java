package io.vgac.tracelab.eval;

import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import io.vgac.calibration.metrics.TailGap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one set of predictions. Undefined values are NaN (AUROC with one class; intervals without a
 * bootstrap).
 *
 * @param name what was evaluated (e.g. {@code KTH-SP2-1996-2.1-cln test})
 * @param n rows
 * @param prevalence share of long waits
 * @param auroc area under the ROC curve
 * @param auprc average precision
 * @param ece expected calibration error (15 uniform bins)
 * @param mce maximum calibration error
 * @param brier Brier score
 * @param tail tail gaps at τ ∈ {0.5 … 0.9}
 * @param tierPoint qualified tier from the ECE point estimate (the design's rule)
 * @param tierUpper qualified tier from the ECE's one-sided 95 % bootstrap upper bound (honest qualification); 0
 *     when no bootstrap was run
 * @param eceUpper that upper bound; NaN without a bootstrap
 * @param intervals 95 % bootstrap intervals per metric (empty without a bootstrap)
 * @param report the full calibration report (bins for the reliability diagram)
 */
public record Evaluation(
    String name,
    int n,
    double prevalence,
    double auroc,
    double auprc,
    double ece,
    double mce,
    double brier,
    List<TailGap> tail,
    int tierPoint,
    int tierUpper,
    double eceUpper,
    Map<Metric, Interval> intervals,
    CalibrationReport report) {

  public Evaluation {
    tail = List.copyOf(tail);
    intervals = Map.copyOf(intervals);
  }
}
