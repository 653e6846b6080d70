package io.vgac.calibration.recalibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small library vectors from the copied {@code reference/README.md}, so the tests use exactly the quoted
 * numbers.
 */
final class ReferenceVectors {
  private ReferenceVectors() {}

  static String readme() {
    try (InputStream in = ReferenceVectors.class.getResourceAsStream("/reference/README.md")) {
      if (in == null) {
        throw new IllegalStateException("reference/README.md is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace('−', '-');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table row whose text contains {@code marker}. */
  static String row(String marker) {
    return readme().lines()
        .filter(l -> l.contains(marker))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No reference row for " + marker));
  }

  static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("No match for " + regex + " in " + text);
    }
    return Double.parseDouble(m.group(1));
  }

  static double[] array(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("No match for " + regex + " in " + text);
    }
    return Arrays.stream(m.group(1).split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
  }
}
