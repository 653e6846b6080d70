package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
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
    @Nullable BootstrapResult bootstrap) {

  /** One headline value as the text and Markdown formats list it; {@code metric} is null when not resampled. */
  record Row(String label, double value, @Nullable Metric metric) {}

  /** The headline metrics in display order. */
  List<Row> headline() {
    return List.of(
        row("AUROC", Metric.AUROC),
        row("AUPRC (average precision)", Metric.AUPRC),
        row("Brier score", Metric.BRIER),
        row("log loss", Metric.LOG_LOSS),
        row("ECE", Metric.ECE),
        row("MCE", Metric.MCE),
        row("RMSCE", Metric.RMSCE),
        row("ECE debiased (L2)", Metric.ECE_DEBIASED),
        row("ACE", Metric.ACE),
        row("Spiegelhalter Z", Metric.SPIEGELHALTER_Z),
        new Row("Spiegelhalter p-value", report.spiegelhalterP(), null),
        row("observed / expected", Metric.OBSERVED_EXPECTED),
        row("calibration slope", Metric.CALIBRATION_SLOPE),
        row("calibration intercept", Metric.CALIBRATION_INTERCEPT),
        row("Murphy reliability", Metric.RELIABILITY),
        row("Murphy resolution", Metric.RESOLUTION),
        row("Murphy uncertainty", Metric.UNCERTAINTY),
        row("CORP miscalibration", Metric.CORP_MCB),
        row("CORP discrimination", Metric.CORP_DSC));
  }

  private Row row(String label, Metric metric) {
    return new Row(label, metric.valueOf(report), metric);
  }

  /** The bootstrap interval of a headline row, or null when there is none. */
  @Nullable Interval interval(Row row) {
    return bootstrap == null || row.metric() == null ? null : bootstrap.interval(row.metric());
  }

  /** The bootstrap interval of the tail gap at {@code tau}, or null when there is none. */
  @Nullable Interval tailInterval(double tau) {
    return bootstrap == null ? null : bootstrap.tailGaps().get(tau);
  }
}
