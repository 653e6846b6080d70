package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.CalibrationReport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything one {@code vgac report} prints: the metrics, the qualified tier and, with {@code --bootstrap}, the
 * intervals.
 *
 * @param input the input file as the user named it
 * @param report the metrics
 * @param binsRequested {@code --bins} (data-defined schemes may produce fewer bins)
 * @param tier the tier qualified by the report's ECE
 * @param bootstrap the intervals, or null without {@code --bootstrap}
 */
public record ReportResult(
    String input,
    CalibrationReport report,
    int binsRequested,
    QualifiedTier tier,
    @Nullable BootstrapSummary bootstrap) {

  /** One headline metric as the text and Markdown formats list it. */
  record Row(String label, String jsonName, double value) {}

  /** The headline metrics in display order. */
  List<Row> headline() {
    CalibrationReport r = report;
    return List.of(
        new Row("AUROC", "auroc", r.auroc()),
        new Row("AUPRC (average precision)", "auprc", r.auprc()),
        new Row("Brier score", "brier", r.brier()),
        new Row("log loss", "log_loss", r.logLoss()),
        new Row("ECE", "ece", r.ece()),
        new Row("MCE", "mce", r.mce()),
        new Row("RMSCE", "rmsce", r.rmsce()),
        new Row("ECE debiased (L2)", "ece_debiased", r.eceDebiased()),
        new Row("ACE (array-split)", "ace", r.ace()),
        new Row("Spiegelhalter Z", "spiegelhalter_z", r.spiegelhalterZ()),
        new Row("Spiegelhalter p-value", "spiegelhalter_p", r.spiegelhalterP()),
        new Row("observed / expected", "observed_expected", r.observedExpected()),
        new Row("calibration slope", "calibration_slope", r.calibrationSlope()),
        new Row("calibration intercept", "calibration_intercept", r.calibrationIntercept()),
        new Row("Murphy reliability", "reliability", r.murphy().reliability()),
        new Row("Murphy resolution", "resolution", r.murphy().resolution()),
        new Row("Murphy uncertainty", "uncertainty", r.murphy().uncertainty()),
        new Row("CORP miscalibration", "corp_mcb", r.corp().miscalibration()),
        new Row("CORP discrimination", "corp_dsc", r.corp().discrimination()));
  }

  /** The bootstrap interval of a metric, or null when there is none. */
  @Nullable Interval interval(String jsonName) {
    return bootstrap == null ? null : bootstrap.intervals().get(jsonName);
  }
}
