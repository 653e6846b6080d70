package io.vgac.cli.csv;

import java.nio.charset.StandardCharsets;

/**
 * Parses plain decimal numbers straight from bytes, giving exactly the double {@link Double#parseDouble} gives.
 *
 * <p>Accepted: {@code [+-]digits[.digits][(e|E)[+-]digits]} with at least one digit before the exponent ({@code .5}
 * and {@code 5.} included). Not accepted (NaN is returned): {@code NaN}, {@code Infinity}, hex floats, Java's
 * {@code d}/{@code f} suffixes, surrounding spaces — forms {@code parseDouble} takes but a data file should not
 * contain.
 *
 * <p>Fast path (Clinger 1990): when the significant digits form an integer m ≤ 2<sup>53</sup> and the decimal
 * exponent e has |e| ≤ 22, both m and 10<sup>|e|</sup> are exact doubles, so the single IEEE division or
 * multiplication m·10<sup>e</sup> is the correctly rounded result. That covers the usual 6–15 significant digits;
 * anything else (17-digit round-trip output, huge exponents) goes to {@code Double.parseDouble}.
 */
public final class DecimalParser {
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22
  };
  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  /** 18 digits always fit in a long. */
  private static final int MAX_ACCUMULATED_DIGITS = 18;

  private DecimalParser() {}

  /** Parses {@code text} (the whole string); NaN when it is not a plain decimal. */
  public static double parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return parse(bytes, 0, bytes.length);
  }

  /** Parses {@code bytes[from, to)}; NaN when they are not a plain decimal. */
  public static double parse(byte[] bytes, int from, int to) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    byte c = bytes[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits accumulated after the leading zeros
    int dropped = 0; // significant digits beyond MAX_ACCUMULATED_DIGITS
    int exponent = 0; // decimal exponent of the accumulated mantissa's last digit
    int digits = 0;
    while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
      digits++;
      if (significant < MAX_ACCUMULATED_DIGITS) {
        mantissa = mantissa * 10 + (c - '0');
        if (mantissa != 0) {
          significant++;
        }
      } else {
        dropped++;
        exponent++;
      }
      i++;
    }
    if (i < to && bytes[i] == '.') {
      i++;
      while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
        digits++;
        if (significant < MAX_ACCUMULATED_DIGITS) {
          mantissa = mantissa * 10 + (c - '0');
          exponent--;
          if (mantissa != 0) {
            significant++;
          }
        } else {
          dropped++;
        }
        i++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < to && ((c = bytes[i]) == 'e' || c == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && ((c = bytes[i]) == '-' || c == '+')) {
        negativeExponent = c == '-';
        i++;
      }
      int exponentDigits = 0;
      int explicit = 0;
      while (i < to && (c = bytes[i]) >= '0' && c <= '9') {
        if (explicit < 100_000) { // beyond this every result is 0 or infinity; parseDouble decides below
          explicit = explicit * 10 + (c - '0');
        }
        exponentDigits++;
        i++;
      }
      if (exponentDigits == 0) {
        return Double.NaN;
      }
      exponent += negativeExponent ? -explicit : explicit;
    }
    if (i != to) {
      return Double.NaN;
    }
    if (mantissa == 0 && dropped == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (dropped == 0 && mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
      double m = mantissa;
      double value = exponent < 0 ? m / POWERS_OF_TEN[-exponent] : m * POWERS_OF_TEN[exponent];
      return negative ? -value : value;
    }
    // Rare: the grammar is already checked, so parseDouble cannot throw here.
    return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
  }
}
