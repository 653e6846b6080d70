package io.vgac.agents.tools;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Notifier} of {@link Notifier#logging()}. */
final class LoggingNotifier implements Notifier {
  static final LoggingNotifier INSTANCE = new LoggingNotifier();
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private LoggingNotifier() {}

  @Override
  public void deliver(Alert alert) {
    if (alert.kind() == AlertKind.MESSAGE) {
      LOG.info("{} {}: {}", alert.kind(), alert.channel(), alert.message());
    } else {
      LOG.warn("{} {} {}: {} {}", alert.kind(), alert.severity(), alert.channel(), alert.message(), alert.context());
    }
  }
}
