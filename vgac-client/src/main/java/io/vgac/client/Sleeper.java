package io.vgac.client;

import java.time.Duration;

/**
 * How the client waits between attempts. {@link #SYSTEM} sleeps the calling thread; tests inject one that records
 * the waits (and advances a test clock) instead of waiting.
 */
@FunctionalInterface
public interface Sleeper {
  /** {@link Thread#sleep}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /** Waits {@code duration} (≥ 0). */
  void sleep(Duration duration) throws InterruptedException;
}
