package io.vgac.calibration.metrics;

import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.Binning;
import java.util.List;

/**
 * Calibration and discrimination of a set of predictions. Undefined values are NaN: AUROC, AUPRC, calibration slope
 * and intercept with a single class, Spiegelhalter's Z when every p is 0, ½ or 1, a tail gap below its minimum rows.
 *
 * @param n rows
 * @param weight Σw (= n when unweighted)
 * @param positives Σw·y (the count of positives when unweighted)
 * @param prevalence Σw·y / Σw
 * @param auroc area under the ROC curve, ties counted one half (= scikit-learn {@code roc_auc_score})
 * @param auprc average precision Σ(Rₙ − Rₙ₋₁)Pₙ (= scikit-learn {@code average_precision_score})
 * @param brier mean (p − y)²
 * @param logLoss mean −[y ln p + (1 − y) ln(1 − p)], p clipped to [ε, 1 − ε]
 * @param ece Σ (W_b/W)|p̄_b − ȳ_b| over non-empty bins (L1 calibration error)
 * @param mce max over non-empty bins of |p̄_b − ȳ_b|
 * @param rmsce √Σ (W_b/W)(p̄_b − ȳ_b)² (L2 calibration error)
 * @param eceDebiased the debiased L2 calibration error of Kumar, Liang &amp; Ma (2019): √max(0, Σ (W_b/W)[(p̄_b −
 *     ȳ_b)² − ȳ_b(1 − ȳ_b)/(W_b − 1)]), bins with W_b ≤ 1 contributing 0
 * @param ace adaptive calibration error (Nixon et al. 2019): the unweighted mean gap over equal-mass bins (ties kept
 *     together, so unlike array-split it does not depend on the input order)
 * @param murphy the binned Murphy decomposition of the Brier score
 * @param corp the CORP (isotonic) decomposition of the Brier score
 * @param tail tail gaps at each threshold
 * @param spiegelhalterZ Σw(y − p)(1 − 2p) / √Σw(1 − 2p)²p(1 − p)
 * @param spiegelhalterP the two-sided p-value of Z under perfect calibration
 * @param observedExpected calibration-in-the-large Σw·y / Σw·p (1 = calibrated in the large)
 * @param calibrationSlope β of the logistic recalibration y ~ α + β·logit(p) (1 = ideal)
 * @param calibrationIntercept α of y ~ α + offset(logit(p)), slope fixed at 1 (0 = ideal)
 * @param binning the scheme of {@code bins}
 * @param bins the full bin table, empty bins included
 */
public record CalibrationReport(
    int n,
    double weight,
    double positives,
    double prevalence,
    double auroc,
    double auprc,
    double brier,
    double logLoss,
    double ece,
    double mce,
    double rmsce,
    double eceDebiased,
    double ace,
    MurphyDecomposition murphy,
    CorpDecomposition corp,
    List<TailGap> tail,
    double spiegelhalterZ,
    double spiegelhalterP,
    double observedExpected,
    double calibrationSlope,
    double calibrationIntercept,
    Binning binning,
    List<Bin> bins) {

  public CalibrationReport {
    tail = List.copyOf(tail);
    bins = List.copyOf(bins);
  }

  /** The value of one scalar metric. */
  public double get(Metric metric) {
    return metric.valueOf(this);
  }
}
