package io.vgac.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a platform response; every failure is an IllegalArgumentException naming the field (the
 * transport turns it into a {@link BadResponseException} naming the endpoint). Absent and null mean the same.
 */
final class Fields {
  private Fields() {}

  static JsonNode object(JsonNode n, String what) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(what + " must be a JSON object but was " + n.getNodeType());
    }
    return n;
  }

  static @Nullable JsonNode get(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }

  static JsonNode required(JsonNode n, String field) {
    JsonNode v = get(n, field);
    if (v == null) {
      throw new IllegalArgumentException("field '" + field + "' is required but was absent or null");
    }
    return v;
  }

  static String text(JsonNode n, String field) {
    String s = optionalText(n, field);
    if (s == null) {
      throw new IllegalArgumentException("field '" + field + "' is required but was absent or null");
    }
    return s;
  }

  static @Nullable String optionalText(JsonNode n, String field) {
    JsonNode v = get(n, field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string but was " + v.getNodeType());
    }
    return v.asText();
  }

  static int integer(JsonNode n, String field) {
    return integer(field, required(n, field));
  }

  static int integer(JsonNode n, String field, int absent) {
    JsonNode v = get(n, field);
    return v == null ? absent : integer(field, v);
  }

  private static int integer(String field, JsonNode v) {
    double d = number(field, v);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer but was " + v);
    }
    return (int) d;
  }

  static long longInteger(JsonNode n, String field, long absent) {
    JsonNode v = get(n, field);
    if (v == null) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("field '" + field + "' must be an integer but was " + v);
    }
    return v.asLong();
  }

  static double number(JsonNode n, String field) {
    return number(field, required(n, field));
  }

  /** The number, or {@code absent} when absent or null. */
  static double number(JsonNode n, String field, double absent) {
    JsonNode v = get(n, field);
    return v == null ? absent : number(field, v);
  }

  private static double number(String field, JsonNode v) {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException("field '" + field + "' must be a finite number but was " + v);
    }
    return v.asDouble();
  }

  static boolean bool(JsonNode n, String field, boolean absent) {
    JsonNode v = get(n, field);
    if (v == null) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException("field '" + field + "' must be true or false but was " + v);
    }
    return v.asBoolean();
  }

  static @Nullable Instant instant(JsonNode n, String field) {
    String s = optionalText(n, field);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("field '" + field + "' must be an ISO-8601 time but was '" + s + "'", e2);
      }
    }
  }
}
