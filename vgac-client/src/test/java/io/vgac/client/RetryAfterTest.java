package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 429 waits at least the server's Retry-After (seconds or HTTP-date), capped; waits go through the sleeper. */
class RetryAfterTest {
  private final TestPlatform p = new TestPlatform();

  @AfterEach
  void stop() {
    p.close();
  }

  @Test
  void retryAfterSecondsIsWaitedThenTheCallSucceeds() {
    p.server.failNext(Fault.tooManyRequests("7"));
    assertThat(p.client().calibration().sampleCount()).isEqualTo(1847);
    assertThat(p.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredOnTheClientsClock() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(p.clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    p.server.failNext(Fault.tooManyRequests(date));
    p.client().calibration();
    assertThat(p.waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aDateInThePastFallsBackToTheBackoff() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(p.clock.instant().minusSeconds(60).atZone(ZoneOffset.UTC));
    p.server.failNext(Fault.tooManyRequests(date));
    p.client().calibration();
    assertThat(p.waits).hasSize(1);
    assertThat(p.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void aLongRetryAfterIsCapped() {
    p.server.failNext(Fault.tooManyRequests("3600"), Fault.tooManyRequests("junk"));
    VgacClient c = p.client(p.config().maxRetryAfter(Duration.ofSeconds(20)).build());
    c.calibration();
    assertThat(p.waits).hasSize(2);
    assertThat(p.waits.get(0)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.waits.get(1)).as("unparseable: backoff only").isLessThan(Duration.ofMillis(201));
  }

  @Test
  void persistentRateLimitingEndsAsUnavailableWithTheRetryAfter() {
    p.server.failAlways(Fault.tooManyRequests("2"));
    assertThatThrownBy(p.client()::clusterState).isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
      assertThat(e.status()).hasValue(429);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }).hasMessageContaining("HTTP 429 (Retry-After 2000 ms)");
    assertThat(p.server.requestCount(FakeVgacServer.CLUSTER_SUMMARY)).isEqualTo(3);
    assertThat(p.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void anInterruptedWaitStopsRetryingAndKeepsTheInterrupt() {
    p.server.failAlways(Fault.status(503));
    VgacClient c = VgacClient.builder(p.config().build()).clock(p.clock).sleeper(d -> {
      throw new InterruptedException();
    }).build();
    try {
      assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class)
          .hasMessageContaining("attempt 1 of 3");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(1);
    } finally {
      Thread.interrupted();
    }
  }
}
