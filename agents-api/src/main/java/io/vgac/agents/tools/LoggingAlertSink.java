package io.vgac.agents.tools;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AlertSink} of {@link AlertSink#logging()}. */
final class LoggingAlertSink implements AlertSink {
  static final LoggingAlertSink INSTANCE = new LoggingAlertSink();
  private static final Logger LOG = LoggerFactory.getLogger(AlertSink.class);

  private LoggingAlertSink() {}

  @Override
  public void deliver(Alert alert) {
    if (alert.kind() == AlertKind.MESSAGE) {
      LOG.info("{} {}: {}", alert.kind(), alert.channel(), alert.message());
    } else {
      LOG.warn("{} {} {}: {} {}", alert.kind(), alert.severity(), alert.channel(), alert.message(), alert.context());
    }
  }
}
