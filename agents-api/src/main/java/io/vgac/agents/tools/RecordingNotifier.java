package io.vgac.agents.tools;

import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link Notifier} that keeps every alert, in order. Thread-safe. */
public final class RecordingNotifier implements Notifier {
  private final List<Alert> alerts = new ArrayList<>();

  @Override
  public synchronized void deliver(Alert alert) {
    alerts.add(alert);
  }

  /** The alerts so far, oldest first. */
  public synchronized List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  /** The alerts of {@code kind} so far, oldest first. */
  public synchronized List<Alert> alerts(AlertKind kind) {
    return alerts.stream().filter(a -> a.kind() == kind).toList();
  }

  public synchronized int count() {
    return alerts.size();
  }

  public synchronized void clear() {
    alerts.clear();
  }
}
