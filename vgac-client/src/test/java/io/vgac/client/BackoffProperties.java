package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every wait is within its jittered exponential band, and at least the (capped) Retry-After. */
class BackoffProperties {

  @Property(seed = "20260105")
  void theWaitIsInItsJitterBandAndHonoursRetryAfter(
      @ForAll @IntRange(min = 1, max = 9) int retry,
      @ForAll @DoubleRange(min = 0, max = 1) double jitter,
      @ForAll @DoubleRange(min = 0, max = 0.99) double u,
      @ForAll @LongRange(min = 0, max = 120) long retryAfterSeconds) {
    VgacClientConfig c = VgacClientConfig.builder().initialBackoff(Duration.ofMillis(100)).backoffMultiplier(2)
        .maxBackoff(Duration.ofSeconds(3)).jitter(jitter).maxRetryAfter(Duration.ofSeconds(30)).build();
    Backoff b = new Backoff(c, () -> u);
    double base = Math.min(3000, 100 * Math.pow(2, retry - 1));
    long plain = b.delay(retry, new IllegalStateException()).toMillis();
    assertThat(plain).isBetween((long) Math.floor(base * (1 - jitter)) - 1, (long) base);
    Duration asked = Duration.ofSeconds(retryAfterSeconds);
    Duration d = b.delay(retry, new PlatformUnavailableException("GET /x", "m", 429, asked));
    Duration honoured = asked.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : asked;
    assertThat(d).isGreaterThanOrEqualTo(honoured).isLessThanOrEqualTo(Duration.ofSeconds(30).plusMillis(3000));
    assertThat(d.toMillis()).isEqualTo(Math.max(plain, honoured.toMillis()));
  }
}
