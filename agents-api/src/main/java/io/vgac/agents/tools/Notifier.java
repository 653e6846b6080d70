package io.vgac.agents.tools;

/**
 * Where the actor tools send messages, alerts and escalations (SPI; the Slack adapter implements it later). The
 * embedded defaults are {@link #logging()} and the in-memory {@link RecordingNotifier}. An implementation may
 * throw: the tools catch it and report the failure in their result, and a gate decision never changes because of
 * it.
 */
@FunctionalInterface
public interface Notifier {

  /** Delivers {@code alert}. */
  void deliver(Alert alert);

  /** Writes each alert to the SLF4J log (INFO for messages, WARN for alerts and escalations). */
  static Notifier logging() {
    return LoggingNotifier.INSTANCE;
  }

  /** Drops every alert. */
  static Notifier none() {
    return alert -> {};
  }
}
