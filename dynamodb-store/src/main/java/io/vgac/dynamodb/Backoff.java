package io.vgac.dynamodb;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between optimistic attempts, so racing replicas spread out. */
final class Backoff {
  private Backoff() {}

  /** Sleeps before attempt {@code nextAttempt} (2, 3, …); an interrupt ends the wait and is re-asserted. */
  static boolean pause(DynamoDbConfig config, int nextAttempt) {
    long initial = config.initialBackoff().toNanos();
    if (initial == 0) {
      return true;
    }
    long cap = config.maxBackoff().toNanos();
    long ceiling = initial << Math.min(20, Math.max(0, nextAttempt - 2));
    long bound = Math.max(1, Math.min(cap, ceiling < 0 ? cap : ceiling));
    long nanos = ThreadLocalRandom.current().nextLong(bound / 2, bound + 1);
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
