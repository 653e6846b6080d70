package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One notification for humans, as handed to an {@link Notifier}.
 *
 * @param kind message, alert or escalation
 * @param channel where it goes, e.g. {@code #gpu-alerts}
 * @param severity how urgent (INFO for messages, CRITICAL for escalations)
 * @param message the text
 * @param context structured details (job, cluster, proposed action, scores); empty when none (a copy in and out)
 */
public record Alert(AlertKind kind, String channel, AlertSeverity severity, String message, ObjectNode context) {

  public Alert {
    if (channel.isBlank()) {
      throw new IllegalArgumentException("channel must not be blank but was '" + channel + "'");
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
    context = context.deepCopy();
  }

  @Override
  public ObjectNode context() {
    return context.deepCopy();
  }

  /** A chat message. */
  public static Alert message(String channel, String text) {
    return new Alert(AlertKind.MESSAGE, channel, AlertSeverity.INFO, text, Wire.object());
  }

  /** An operational alert. */
  public static Alert alert(String channel, AlertSeverity severity, String text) {
    return new Alert(AlertKind.ALERT, channel, severity, text, Wire.object());
  }

  /** A request for human review. */
  public static Alert escalation(String channel, String reason, ObjectNode context) {
    return new Alert(AlertKind.ESCALATION, channel, AlertSeverity.CRITICAL, reason, context);
  }
}
