package io.vgac.client;

import io.vgac.testkit.ApprovalQueueContract.SettableClock;
import io.vgac.testkit.vgac.FakeVgacServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake platform and a client of it with fast timeouts, a recording sleeper, a settable clock and seeded jitter. */
final class TestPlatform implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  final FakeVgacServer server = FakeVgacServer.start();
  final SettableClock clock = new SettableClock(T0);
  /** Every wait the client asked for; none is really waited (the clock advances instead). */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final Sleeper sleeper = d -> {
    waits.add(d);
    clock.advance(d);
  };

  /** Fast timeouts, 3 attempts, small backoff, and a breaker that does not open within a fault test. */
  VgacClientConfig.Builder config() {
    return VgacClientConfig.builder()
        .baseUrl(server.baseUrl())
        .connectTimeout(Duration.ofMillis(500))
        .requestTimeout(Duration.ofMillis(600))
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(2))
        .minimumNumberOfCalls(1000)
        .slidingWindowSize(1000);
  }

  VgacClient client(VgacClientConfig config) {
    return VgacClient.builder(config).clock(clock).sleeper(sleeper).jitterSeed(42).build();
  }

  VgacClient client() {
    return client(config().build());
  }

  @Override
  public void close() {
    server.close();
  }
}
