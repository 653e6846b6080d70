package io.vgac.agents.model;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Field checks shared by the compact constructors of every record on the wire (model and store); every message names
 * the field and the value.
 */
public final class Checks {
  private Checks() {}

  public static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required but was null");
    }
    return value;
  }

  public static String id(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank but was " + quote(value));
    }
    return value;
  }

  public static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be ≥ 0 but was " + value);
    }
    return value;
  }

  public static double unit(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0,1] but was " + value);
    }
    return value;
  }

  public static Duration nonNegative(String field, @Nullable Duration value) {
    required(field, value);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must be ≥ 0 but was " + value);
    }
    return value;
  }

  public static double nonNegative(String field, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be finite and ≥ 0 but was " + value);
    }
    return value;
  }

  /** A value in [0,1], or NaN for "not known yet". */
  public static double unitOrNaN(String field, double value) {
    if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0,1] or NaN (unknown) but was " + value);
    }
    return value;
  }

  private static String quote(@Nullable String s) {
    return s == null ? "null" : "'" + s + "'";
  }
}
