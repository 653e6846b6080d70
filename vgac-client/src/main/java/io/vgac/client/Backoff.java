package io.vgac.client;

import java.time.Duration;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The wait before retry {@code n} (n = 1 after the first failed attempt): an exponential backoff
 * {@code b = min(max, initial · multiplier^(n−1))}, jittered uniformly into {@code [(1 − jitter)·b, b]}; when the
 * server sent {@code Retry-After}, at least that (capped by {@code maxRetryAfter}).
 */
final class Backoff {
  private final Duration initial;
  private final double multiplier;
  private final Duration max;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final DoubleSupplier uniform;

  Backoff(VgacClientConfig config, DoubleSupplier uniform) {
    this.initial = config.initialBackoff();
    this.multiplier = config.backoffMultiplier();
    this.max = config.maxBackoff();
    this.jitter = config.jitter();
    this.maxRetryAfter = config.maxRetryAfter();
    this.uniform = uniform;
  }

  /** A thread-safe uniform [0,1) source from a seeded {@link Random}. */
  static DoubleSupplier seeded(long seed) {
    Random r = new Random(seed);
    return () -> {
      synchronized (r) {
        return r.nextDouble();
      }
    };
  }

  Duration delay(int retry, Throwable failure) {
    double base = Math.min(max.toNanos(), initial.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1)));
    long nanos = (long) (base * (1 - jitter * uniform.getAsDouble()));
    Duration d = Duration.ofNanos(Math.max(0, nanos));
    if (failure instanceof PlatformUnavailableException u && u.retryAfter().isPresent()) {
      Duration asked = u.retryAfter().get();
      Duration honoured = asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
      if (honoured.compareTo(d) > 0) {
        d = honoured;
      }
    }
    return d;
  }
}
