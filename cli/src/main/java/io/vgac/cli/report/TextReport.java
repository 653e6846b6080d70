package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.TailGap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The {@code --format text} summary: headline metrics (with intervals), tier, tail gaps and the bin table. */
final class TextReport {
  private TextReport() {}

  static byte[] render(ReportResult result) {
    CalibrationReport r = result.report();
    BootstrapResult bootstrap = result.bootstrap();
    StringBuilder sb = new StringBuilder();
    sb.append("Calibration report: ").append(result.input()).append('\n');
    sb.append(Numbers.count(r.n())).append(" rows, ").append(Numbers.count((long) r.positives()))
        .append(" positives (").append(Numbers.percent(r.prevalence())).append("); ")
        .append(binningDescription(result)).append('\n');
    sb.append("Qualified tier: ").append(result.tier().tier()).append(" (").append(result.tier().name())
        .append("), from ECE ").append(Numbers.f4(r.ece())).append('\n');
    sb.append('\n');

    String ciHeader = bootstrap == null ? ""
        : String.format(Locale.ROOT, "%.0f%% CI (bootstrap, %s resamples)", 100 * bootstrap.level(),
            Numbers.count(bootstrap.resamples()));
    sb.append(String.format(Locale.ROOT, "%-28s %10s   %s\n", "metric", "value", ciHeader).stripTrailing())
        .append('\n');
    for (ReportResult.Row row : result.headline()) {
      Interval ci = result.interval(row);
      sb.append(String.format(Locale.ROOT, "  %-26s %10s   %s", row.label(), Numbers.f4(row.value()),
          Numbers.interval(ci)).stripTrailing()).append('\n');
    }

    sb.append("\nTail calibration, rows with p >= tau\n");
    sb.append(String.format(Locale.ROOT, "  %5s %10s %10s   %s", "tau", "rows", "gap",
        bootstrap == null ? "" : "CI").stripTrailing()).append('\n');
    for (TailGap t : r.tail()) {
      sb.append(String.format(Locale.ROOT, "  %5.2f %10s %10s   %s", t.tau(), Numbers.count(t.n()),
          t.isDefined() ? Numbers.f4(t.gap()) : "n/a (too few rows)",
          Numbers.interval(result.tailInterval(t.tau()))).stripTrailing()).append('\n');
    }

    sb.append("\nBins (").append(r.binning().name()).append(")\n");
    sb.append(String.format(Locale.ROOT, "  %3s  %-17s %9s %8s %9s  %-18s %8s\n",
        "#", "range", "rows", "mean p", "observed", "95% CI (Wilson)", "gap"));
    List<Bin> bins = r.bins();
    for (int k = 0; k < bins.size(); k++) {
      Bin b = bins.get(k);
      String range = "[" + Numbers.f3(b.lo()) + ", " + Numbers.f3(b.hi()) + (closedRange(r, k) ? "]" : ")");
      if (b.isEmpty()) {
        sb.append(String.format(Locale.ROOT, "  %3d  %-17s %9s\n", k + 1, range, "0"));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "  %3d  %-17s %9s %8s %9s  %-18s %8s\n", k + 1, range,
          Numbers.count(b.n()), Numbers.f4(b.meanP()), Numbers.f4(b.observed()),
          "[" + Numbers.f4(b.ciLo()) + ", " + Numbers.f4(b.ciHi()) + "]", Numbers.f4(b.gap())));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether bin k's range prints closed: the last equal-width bin, and every bin of a data-defined scheme (its
   * ends are its smallest and largest score).
   */
  static boolean closedRange(CalibrationReport r, int k) {
    return !(r.binning() instanceof Binning.Uniform) || k == r.bins().size() - 1;
  }

  static String binningDescription(ReportResult result) {
    CalibrationReport r = result.report();
    int made = r.bins().size();
    String s = r.binning().name() + " binning, " + made + " bins";
    return made == result.binsRequested() ? s : s + " (" + result.binsRequested() + " requested; ties kept together)";
  }
}
