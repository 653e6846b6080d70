package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker opens on failures, then fails fast without requests, half-opens after its wait, and closes again. */
class CircuitBreakerTest {
  private final TestPlatform p = new TestPlatform();

  @AfterEach
  void stop() {
    p.close();
  }

  private VgacClient client() {
    return p.client(p.config().maxAttempts(1).slidingWindowSize(4).minimumNumberOfCalls(4)
        .failureRateThreshold(50).waitInOpenState(Duration.ofSeconds(30)).permittedCallsInHalfOpenState(2).build());
  }

  @Test
  void opensFailsFastHalfOpensAndCloses() {
    VgacClient c = client();
    p.server.failAlways(Fault.status(500));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class);
    }
    assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

    assertThatThrownBy(c::clusterState).isInstanceOfSatisfying(CircuitOpenException.class,
        e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining("GET /api/cluster/summary").hasMessageContaining("circuit breaker is open");
    assertThat(p.server.requestCount(FakeVgacServer.CLUSTER_SUMMARY)).as("failing fast sends nothing").isZero();

    p.server.healthy();
    p.clock.advance(Duration.ofSeconds(29));
    assertThatThrownBy(c::calibration).as("still open").isInstanceOf(CircuitOpenException.class);
    p.clock.advance(Duration.ofSeconds(2));
    assertThat(c.calibration().sampleCount()).isEqualTo(1847);
    assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    assertThat(c.clusterState().clusterId()).isEqualTo("eks-prod-gpu");
    assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aFailedTrialReopens() {
    VgacClient c = client();
    p.server.failAlways(Fault.status(503));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class);
    }
    p.clock.advance(Duration.ofSeconds(31));
    assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class);
    assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class);
    assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(6);
  }

  @Test
  void clientErrorsDoNotOpenTheCircuit() {
    VgacClient c = client();
    p.server.failAlways(Fault.status(404));
    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(c::calibration).isInstanceOf(RequestRejectedException.class);
    }
    assertThat(c.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void anOpenCircuitIsNotRetried() {
    VgacClient c = p.client(p.config().maxAttempts(3).slidingWindowSize(2).minimumNumberOfCalls(2).build());
    p.server.failAlways(Fault.status(500));
    // attempt 1 and 2 fail and open the circuit; attempt 3 is refused by the breaker and ends the call
    assertThatThrownBy(c::calibration).isInstanceOf(CircuitOpenException.class).hasMessageContaining("attempt 3 of 3");
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(2);
  }
}
