package io.vgac.agents.approvals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", x)} without a {@link java.util.Formatter}: the same text (the
 * formatter rounds half-up on the decimal digits of {@link Double#toString}, and so does this), at a fraction of the
 * cost on the escalation path.
 */
final class FixedDecimals {
  private FixedDecimals() {}

  static StringBuilder append(StringBuilder out, double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return out.append(x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN");
    }
    String plain = new BigDecimal(Double.toString(x)).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    if (Double.doubleToRawLongBits(x) < 0 && plain.charAt(0) != '-') {
      out.append('-'); // -0.0 and e.g. -0.0001 → "-0.000", as the formatter writes them (BigDecimal has no -0)
    }
    return out.append(plain);
  }
}
