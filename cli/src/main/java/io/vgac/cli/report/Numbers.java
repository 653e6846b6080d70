package io.vgac.cli.report;

import io.vgac.calibration.Interval;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Number formatting shared by the text, Markdown and SVG outputs (locale-independent). */
final class Numbers {
  static final String UNDEFINED = "n/a";

  private Numbers() {}

  /** Four decimals, or {@value #UNDEFINED}. */
  static String f4(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : UNDEFINED;
  }

  /** Three decimals, or {@value #UNDEFINED}. */
  static String f3(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : UNDEFINED;
  }

  /** A count with thousands separators. */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A percentage with one decimal. */
  static String percent(double fraction) {
    return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : UNDEFINED;
  }

  /** {@code [lo, hi]} with four decimals, or empty when there is no interval. */
  static String interval(@Nullable Interval ci) {
    if (ci == null) {
      return "";
    }
    return ci.isDefined() ? "[" + f4(ci.lo()) + ", " + f4(ci.hi()) + "]" : UNDEFINED;
  }
}
