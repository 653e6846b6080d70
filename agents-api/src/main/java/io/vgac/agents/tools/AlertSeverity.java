package io.vgac.agents.tools;

import java.util.Locale;

/** The severities of {@code tool_create_alert}. */
public enum AlertSeverity {
  INFO,
  WARNING,
  CRITICAL;

  /** The severity named {@code wireName} ({@code info}, {@code warning}, {@code critical}). */
  public static AlertSeverity fromWireName(String wireName) {
    for (AlertSeverity s : values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(wireName)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Not an alert severity: '" + wireName + "' (info, warning, critical)");
  }
}
