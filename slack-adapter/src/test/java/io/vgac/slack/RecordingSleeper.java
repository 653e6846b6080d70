package io.vgac.slack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits the notifier asks for instead of waiting (no timed test). */
final class RecordingSleeper implements SlackNotifier.Sleeper {
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration d) {
    waits.add(d);
  }
}
