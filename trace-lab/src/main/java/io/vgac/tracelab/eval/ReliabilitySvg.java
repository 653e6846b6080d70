package io.vgac.tracelab.eval;

import io.vgac.calibration.binning.Bin;
import java.util.List;
import java.util.Locale;

/** A compact SVG reliability diagram of one {@link Evaluation}: observed rate against mean p per bin, with counts. */
public final class ReliabilitySvg {
  private static final int SIZE = 320;
  private static final int PAD = 40;

  private ReliabilitySvg() {}

  /** The SVG document. */
  public static String render(Evaluation e) {
    StringBuilder sb = new StringBuilder();
    int w = SIZE + 2 * PAD;
    int h = SIZE + 2 * PAD + 20;
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"white\" "
        + "stroke=\"#888\"/>%n", PAD, PAD, SIZE, SIZE));
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" "
        + "stroke-dasharray=\"4 3\"/>%n", PAD, PAD + SIZE, PAD + SIZE, PAD));
    long max = 1;
    for (Bin b : e.report().bins()) {
      max = Math.max(max, b.n());
    }
    for (Bin b : e.report().bins()) {
      double bx = PAD + b.lo() * SIZE;
      double bw = Math.max(1, (b.hi() - b.lo()) * SIZE);
      double bh = 40.0 * b.n() / max;
      sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
          + "fill=\"#9cc3e6\"/>%n", bx, PAD + SIZE - bh, bw, bh));
    }
    for (Bin b : e.report().bins()) {
      if (b.isEmpty()) {
        continue;
      }
      double x = PAD + b.meanP() * SIZE;
      double y = PAD + (1 - b.observed()) * SIZE;
      sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#1f5fa8\"/>%n", x, y,
          2 + 3 * Math.sqrt((double) b.n() / max)));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", PAD, PAD - 22, escape(e.name())));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">n=%d  AUROC %.3f  ECE %.3f  MCE %.3f  tier %d"
        + "</text>%n", PAD, PAD - 8, e.n(), e.auroc(), e.ece(), e.mce(), e.tierPoint()));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">mean predicted p</text>%n",
        PAD + SIZE / 2, PAD + SIZE + 18));
    sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">observed rate</text>%n", PAD + SIZE / 2, PAD + SIZE / 2));
    sb.append("</svg>\n");
    return sb.toString();
  }

  /**
   * Several diagrams side by side in one SVG document (e.g. a transfer before and after recalibration), each panel
   * exactly what {@link #render} draws.
   *
   * @throws IllegalArgumentException when {@code panels} is empty
   */
  public static String renderPanels(List<Evaluation> panels) {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("panels must not be empty");
    }
    int w = SIZE + 2 * PAD;
    int h = SIZE + 2 * PAD + 20;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\">%n", w * panels.size(), h, w * panels.size(), h));
    for (int i = 0; i < panels.size(); i++) {
      // a nested <svg> is its own viewport: the single-panel drawing, shifted right
      sb.append(render(panels.get(i)).replaceFirst("<svg ", String.format(Locale.ROOT, "<svg x=\"%d\" y=\"0\" ",
          i * w)));
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
