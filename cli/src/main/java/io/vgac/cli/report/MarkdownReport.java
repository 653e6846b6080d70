package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.TailGap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The {@code --format markdown} report: a heading, a summary line and three tables (metrics, tail, bins). */
final class MarkdownReport {
  private MarkdownReport() {}

  static byte[] render(ReportResult result) {
    CalibrationReport r = result.report();
    BootstrapResult bootstrap = result.bootstrap();
    StringBuilder sb = new StringBuilder();
    sb.append("# Calibration report: `").append(result.input().replace("`", "'")).append("`\n\n");
    sb.append("**").append(Numbers.count(r.n())).append(" rows**, ").append(Numbers.count((long) r.positives()))
        .append(" positives (").append(Numbers.percent(r.prevalence())).append("); ")
        .append(TextReport.binningDescription(result)).append(". Qualified tier: **").append(result.tier().tier())
        .append(" (").append(result.tier().name()).append(")** from ECE ").append(Numbers.f4(r.ece()))
        .append(".\n\n");

    sb.append("## Metrics\n\n");
    if (bootstrap != null) {
      sb.append(String.format(Locale.ROOT, "| metric | value | %.0f%% CI (bootstrap, %s resamples, seed %d) |\n",
          100 * bootstrap.level(), Numbers.count(bootstrap.resamples()), bootstrap.seed()));
      sb.append("|---|---:|---|\n");
    } else {
      sb.append("| metric | value |\n|---|---:|\n");
    }
    for (ReportResult.Row row : result.headline()) {
      sb.append("| ").append(row.label()).append(" | ").append(Numbers.f4(row.value())).append(" |");
      if (bootstrap != null) {
        Interval ci = result.interval(row);
        sb.append(' ').append(Numbers.interval(ci)).append(" |");
      }
      sb.append('\n');
    }

    sb.append("\n## Tail calibration\n\nGap |mean y − mean p| over the rows with p ≥ τ.\n\n");
    sb.append(bootstrap == null ? "| τ | rows | gap |\n|---:|---:|---:|\n"
        : "| τ | rows | gap | CI |\n|---:|---:|---:|---|\n");
    for (TailGap t : r.tail()) {
      sb.append(String.format(Locale.ROOT, "| %.2f | %s | %s |", t.tau(), Numbers.count(t.n()),
          t.isDefined() ? Numbers.f4(t.gap()) : "n/a"));
      if (bootstrap != null) {
        sb.append(' ').append(Numbers.interval(result.tailInterval(t.tau()))).append(" |");
      }
      sb.append('\n');
    }

    sb.append("\n## Bins\n\n");
    sb.append("| # | range | rows | mean p | observed | 95% CI (Wilson) | gap |\n");
    sb.append("|---:|---|---:|---:|---:|---|---:|\n");
    List<Bin> bins = r.bins();
    for (int k = 0; k < bins.size(); k++) {
      Bin b = bins.get(k);
      String range = "[" + Numbers.f3(b.lo()) + ", " + Numbers.f3(b.hi()) + (TextReport.closedRange(r, k) ? "]" : ")");
      if (b.isEmpty()) {
        sb.append(String.format(Locale.ROOT, "| %d | %s | 0 | | | | |\n", k + 1, range));
      } else {
        sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | [%s, %s] | %s |\n", k + 1, range,
            Numbers.count(b.n()), Numbers.f4(b.meanP()), Numbers.f4(b.observed()), Numbers.f4(b.ciLo()),
            Numbers.f4(b.ciHi()), Numbers.f4(b.gap())));
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
