package io.vgac.agents.store;

import org.jspecify.annotations.Nullable;

/** Field checks shared by the store records; every message names the field and the value. */
final class StoreChecks {
  private StoreChecks() {}

  static <T> T required(String field, @Nullable T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required but was null");
    }
    return value;
  }

  static String id(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          field + " must not be blank but was " + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be ≥ 0 but was " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(field + " must be finite and ≥ 0 but was " + value);
    }
    return value;
  }

  static double unit(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0,1] but was " + value);
    }
    return value;
  }

  /** A value in [0,1], or NaN for "not known yet". */
  static double unitOrNaN(String field, double value) {
    if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0,1] or NaN (unknown) but was " + value);
    }
    return value;
  }
}
