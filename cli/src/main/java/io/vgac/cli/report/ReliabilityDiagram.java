package io.vgac.cli.report;

import io.vgac.calibration.binning.Bin;
import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.metrics.Metric;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A reliability diagram as a standalone SVG document (no library): observed rate against mean predicted
 * probability per non-empty bin, with the bin's Wilson interval as an error bar and the diagonal of perfect
 * calibration; beneath it a histogram of the predicted probabilities on the same x axis.
 */
final class ReliabilityDiagram {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 832;
  private static final int LEFT = 84;
  private static final int PLOT = 500;
  private static final int TOP = 108;
  private static final int HIST_TOP = TOP + PLOT + 84;
  private static final int HIST_HEIGHT = 90;
  private static final String POINT_COLOUR = "#1f5fa8";
  private static final String BAR_COLOUR = "#9cc3e6";
  /** Histogram bins when the report's bins are not equal-width. */
  static final int HISTOGRAM_BINS = 20;

  private ReliabilityDiagram() {}

  /**
   * The diagram of {@code result}.
   *
   * @param histogram counts of predicted probabilities in equal-width bins over [0, 1]
   */
  static byte[] render(ReportResult result, long[] histogram) {
    CalibrationReport r = result.report();
    StringBuilder s = new StringBuilder(16_384);
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");

    // Title and the numbers a reader looks for first.
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"30\" font-size=\"17\" font-weight=\"bold\">"
        + "Reliability diagram</text>\n", LEFT));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"50\" fill=\"#444\">%s</text>\n", LEFT,
        escape(shorten(result.input(), 80))));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"70\">n = %s · ECE %s%s · MCE %s%s</text>\n", LEFT,
        Numbers.count(r.n()), Numbers.f4(r.ece()), withInterval(result, Metric.ECE), Numbers.f4(r.mce()),
        withInterval(result, Metric.MCE)));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"88\" fill=\"#444\">%s</text>\n", LEFT,
        escape("tier " + result.tier().tier() + " (" + result.tier().name() + ") · "
            + TextReport.binningDescription(result) + (result.bootstrap() == null ? ""
            : String.format(Locale.ROOT, "; %.0f%% bootstrap intervals from %s resamples",
                100 * result.bootstrap().level(), Numbers.count(result.bootstrap().resamples()))))));

    // Grid, ticks and tick labels.
    for (int t = 0; t <= 10; t += 2) {
      double v = t / 10.0;
      double x = x(v);
      double y = y(v);
      s.append(line(x, TOP, x, TOP + PLOT, "#e6e6e6", 1));
      s.append(line(LEFT, y, LEFT + PLOT, y, "#e6e6e6", 1));
      s.append(line(x, TOP + PLOT, x, TOP + PLOT + 5, "#333", 1));
      s.append(line(LEFT - 5, y, LEFT, y, "#333", 1));
      String label = String.format(Locale.ROOT, "%.1f", v);
      s.append(text(x, TOP + PLOT + 19, "middle", label));
      s.append(text(LEFT - 9, y + 4, "end", label));
      s.append(line(x, HIST_TOP + HIST_HEIGHT, x, HIST_TOP + HIST_HEIGHT + 5, "#333", 1));
      s.append(text(x, HIST_TOP + HIST_HEIGHT + 19, "middle", label));
    }
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"#333\"/>\n", LEFT, TOP, PLOT, PLOT));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">"
        + "observed rate of outcome 1</text>\n", LEFT - 48, TOP + PLOT / 2));
    s.append(text(LEFT + PLOT / 2.0, TOP + PLOT + 40, "middle", "mean predicted probability"));

    // Perfect calibration.
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\""
        + " stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n", x(0), y(0), x(1), y(1)));

    // Bins: error bars, the line through the points, the points (with a tooltip each).
    List<Bin> bins = r.bins();
    StringBuilder path = new StringBuilder();
    for (Bin b : bins) {
      if (b.isEmpty()) {
        continue;
      }
      double x = x(b.meanP());
      if (Double.isFinite(b.ciLo()) && Double.isFinite(b.ciHi())) {
        double lo = y(b.ciLo());
        double hi = y(b.ciHi());
        s.append(line(x, lo, x, hi, POINT_COLOUR, 1.3));
        s.append(line(x - 4, lo, x + 4, lo, POINT_COLOUR, 1.3));
        s.append(line(x - 4, hi, x + 4, hi, POINT_COLOUR, 1.3));
      }
      path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x,
          y(b.observed())));
    }
    if (path.length() > 0) {
      s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(POINT_COLOUR)
          .append("\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"/>\n");
    }
    for (Bin b : bins) {
      if (b.isEmpty()) {
        continue;
      }
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\""
          + " stroke=\"white\" stroke-width=\"1\"><title>p in [%s, %s]: %s rows, mean p %s, observed %s"
          + " (95%% CI %s–%s)</title></circle>\n", x(b.meanP()), y(b.observed()), POINT_COLOUR,
          Numbers.f3(b.lo()), Numbers.f3(b.hi()), Numbers.count(b.n()), Numbers.f4(b.meanP()),
          Numbers.f4(b.observed()), Numbers.f4(b.ciLo()), Numbers.f4(b.ciHi())));
    }

    // Legend, in the upper-left corner where a well-calibrated curve leaves room.
    int lx = LEFT + 14;
    int ly = TOP + 20;
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"300\" height=\"46\" fill=\"white\""
        + " fill-opacity=\"0.85\" stroke=\"#ccc\"/>\n", lx - 8, ly - 14));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\""
        + " stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>\n", lx, ly - 4, lx + 22, ly - 4));
    s.append(text(lx + 30, ly, "start", "perfect calibration"));
    s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4.5\" fill=\"%s\"/>\n", lx + 11,
        ly + 16, POINT_COLOUR));
    s.append(line(lx + 11, ly + 9, lx + 11, ly + 23, POINT_COLOUR, 1.3));
    s.append(text(lx + 30, ly + 20, "start", "observed rate per bin, 95% Wilson interval"));

    // Histogram of p.
    long max = 1;
    for (long c : histogram) {
      max = Math.max(max, c);
    }
    double width = PLOT / (double) histogram.length;
    for (int k = 0; k < histogram.length; k++) {
      double h = HIST_HEIGHT * histogram[k] / (double) max;
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
          + " fill=\"%s\" stroke=\"white\" stroke-width=\"0.5\"><title>%s rows</title></rect>\n",
          LEFT + k * width, HIST_TOP + HIST_HEIGHT - h, width, h, BAR_COLOUR, Numbers.count(histogram[k])));
    }
    s.append(line(LEFT, HIST_TOP + HIST_HEIGHT, LEFT + PLOT, HIST_TOP + HIST_HEIGHT, "#333", 1));
    s.append(line(LEFT, HIST_TOP, LEFT, HIST_TOP + HIST_HEIGHT, "#333", 1));
    s.append(line(LEFT - 5, HIST_TOP, LEFT, HIST_TOP, "#333", 1));
    s.append(text(LEFT - 9, HIST_TOP + 4, "end", Numbers.count(max)));
    s.append(text(LEFT - 9, HIST_TOP + HIST_HEIGHT + 4, "end", "0"));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">"
        + "rows</text>\n", LEFT - 48, HIST_TOP + HIST_HEIGHT / 2));
    s.append(text(LEFT + PLOT / 2.0, HIST_TOP + HIST_HEIGHT + 38, "middle",
        "predicted probability (" + histogram.length + " equal-width bins)"));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">Distribution of predicted"
        + " probabilities</text>\n", LEFT, HIST_TOP - 12));
    s.append("</svg>\n");
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Counts of {@code p} in {@code bins} equal-width bins, k/B ≤ p &lt; (k+1)/B, the last bin closed. */
  static long[] histogram(double[] p, int bins) {
    long[] counts = new long[bins];
    for (double v : p) {
      int k = (int) (v * bins);
      // v·B can round across an edge; the exact rule compares with k/B.
      if (k > 0 && v < (double) k / bins) {
        k--;
      } else if (k < bins - 1 && v >= (double) (k + 1) / bins) {
        k++;
      }
      counts[Math.min(Math.max(k, 0), bins - 1)]++;
    }
    return counts;
  }

  /** " [lo, hi]" when the metric was bootstrapped, else nothing. */
  private static String withInterval(ReportResult result, Metric metric) {
    Interval ci = result.bootstrap() == null ? null : result.bootstrap().interval(metric);
    return ci == null ? "" : " " + Numbers.interval(ci);
  }

  private static double x(double v) {
    return LEFT + PLOT * v;
  }

  private static double y(double v) {
    return TOP + PLOT * (1 - v);
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
    return String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>\n",
        x1, y1, x2, y2, colour, width);
  }

  private static String text(double x, double y, String anchor, String text) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y, anchor,
        escape(text));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c); // other control characters are not allowed in XML 1.0
          }
        }
      }
    }
    return out.toString();
  }
}
