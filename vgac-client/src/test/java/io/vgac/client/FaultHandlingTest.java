package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault of the platform becomes the right typed error after the right number of requests. */
class FaultHandlingTest {
  private final TestPlatform p = new TestPlatform();
  private final FakeVgacServer server = p.server;

  @AfterEach
  void stop() {
    p.close();
  }

  @Test
  void aPersistent5xxIsRetriedExactlyMaxAttemptsTimesThenUnavailable() {
    server.failAlways(Fault.status(503));
    VgacClient c = p.client();
    assertThatThrownBy(c::calibration).isInstanceOfSatisfying(PlatformUnavailableException.class, e -> {
      assertThat(e.status()).hasValue(503);
      assertThat(e.endpoint()).isEqualTo("GET /api/jobs/predict/calibration");
      assertThat(e.isTransient()).isTrue();
    }).hasMessageContaining("GET /api/jobs/predict/calibration at " + server.baseUrl())
        .hasMessageContaining("attempt 3 of 3").hasMessageContaining("HTTP 503");
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(3);
    assertThat(p.waits).hasSize(2);
  }

  @Test
  void transientFailuresThenSuccessReturnTheAnswer() {
    server.failNext(Fault.status(500), Fault.dropConnection());
    assertThat(p.client().calibration().sampleCount()).isEqualTo(1847);
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(3);
  }

  @Test
  void backoffGrowsExponentiallyWithinItsJitter() {
    server.failAlways(Fault.status(502));
    VgacClient c = p.client(p.config().maxAttempts(4).jitter(0.5).build());
    assertThatThrownBy(c::calibration).isInstanceOf(PlatformUnavailableException.class);
    assertThat(p.waits).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long base = 100L << i;
      assertThat(p.waits.get(i).toMillis()).as("wait %d", i).isBetween(base / 2, base);
    }
  }

  @Test
  void aClientErrorIsNotRetried() {
    for (int status : new int[] {400, 401, 404, 422}) {
      server.clearRequests();
      server.failNext(Fault.status(status));
      assertThatThrownBy(p.client()::calibration).isInstanceOfSatisfying(RequestRejectedException.class, e -> {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.isTransient()).isFalse();
      }).hasMessageContaining("HTTP " + status).hasMessageContaining("attempt 1 of 3");
      assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(1);
    }
    assertThat(p.waits).isEmpty();
  }

  @Test
  void connectionRefusedIsUnavailable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    VgacClient c = p.client(p.config().baseUrl("http://127.0.0.1:" + port).build());
    assertThatThrownBy(c::clusterState).isInstanceOf(PlatformUnavailableException.class)
        .hasMessageContaining("GET /api/cluster/summary").hasMessageContaining("connection refused")
        .hasMessageContaining("attempt 3 of 3");
    assertThat(p.waits).hasSize(2);
  }

  @Test
  void aConnectTimeoutIsATimeout() throws IOException {
    // a listener that never accepts, with its accept queue filled: the kernel drops further SYNs
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
      List<Socket> fillers = new ArrayList<>();
      boolean saturated = false;
      try {
        for (int i = 0; i < 16 && !saturated; i++) {
          Socket s = new Socket();
          fillers.add(s);
          try {
            s.connect(at, 200);
          } catch (SocketTimeoutException e) {
            saturated = true;
          }
        }
        assumeThat(saturated).as("this kernel drops SYNs to a full accept queue").isTrue();
        VgacClient c = p.client(p.config().baseUrl("http://127.0.0.1:" + full.getLocalPort())
            .connectTimeout(Duration.ofMillis(200)).maxAttempts(2).build());
        assertThatThrownBy(c::clusterState).isInstanceOf(PlatformTimeoutException.class)
            .hasMessageContaining("connect timed out after 200 ms").hasMessageContaining("attempt 2 of 2");
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  @Test
  void noHeadersWithinTheRequestTimeoutIsATimeout() {
    server.failAlways(Fault.delayHeaders(Duration.ofSeconds(5)));
    VgacClient c = p.client(p.config().requestTimeout(Duration.ofMillis(300)).maxAttempts(2).build());
    assertThatThrownBy(c::clusterState).isInstanceOf(PlatformTimeoutException.class)
        .hasMessageContaining("request timeout of 300 ms").hasMessageContaining("attempt 2 of 2");
    assertThat(server.requestCount(FakeVgacServer.CLUSTER_SUMMARY)).isEqualTo(2);
  }

  @Test
  void aBodyTricklingPastTheDeadlineIsATimeout() {
    // headers at once, then one byte every 100 ms: only the total deadline can end it
    server.failAlways(Fault.trickle(Duration.ofMillis(100)));
    VgacClient c = p.client(p.config().requestTimeout(Duration.ofMillis(400)).maxAttempts(2).build());
    assertThatThrownBy(c::calibration).isInstanceOf(PlatformTimeoutException.class)
        .hasMessageContaining("no complete response within the request timeout of 400 ms");
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(2);
  }

  @Test
  void aSlowButTimelyBodyIsRead() {
    server.failNext(Fault.trickle(Duration.ofMillis(1)));
    VgacClient c = p.client(p.config().requestTimeout(Duration.ofSeconds(10)).build());
    assertThat(c.calibration().ece()).isEqualTo(0.018);
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(1);
  }

  @Test
  void malformedJsonIsABadResponseAfterBoundedRetries() {
    server.failAlways(Fault.malformedJson());
    assertThatThrownBy(p.client()::clusterState).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("GET /api/cluster/summary").hasMessageContaining("malformed JSON");
    assertThat(server.requestCount(FakeVgacServer.CLUSTER_SUMMARY)).isEqualTo(3);
  }

  @Test
  void truncatedJsonIsABadResponse() {
    server.failAlways(Fault.truncatedJson());
    assertThatThrownBy(p.client()::calibration).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("malformed JSON");
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(3);
  }

  @Test
  void aBodyShorterThanItsContentLengthIsUnavailable() {
    server.failAlways(Fault.contentLengthMismatch());
    assertThatThrownBy(p.client()::calibration).isInstanceOf(PlatformUnavailableException.class)
        .hasMessageContaining("connection failed or closed early");
    assertThat(server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(3);
  }

  @Test
  void aDroppedConnectionIsUnavailable() {
    server.failAlways(Fault.dropConnection());
    assertThatThrownBy(p.client()::queue).isInstanceOf(PlatformUnavailableException.class)
        .hasMessageContaining("closed early");
  }

  @Test
  void anInvalidValueIsABadResponseNamingTheField() {
    server.calibration("{\"ece\": 1.7, \"sample_count\": 10}");
    assertThatThrownBy(p.client()::calibration).isInstanceOf(BadResponseException.class)
        .hasMessageContaining("ece must be in [0,1]");
    server.predictResponse("{\"probability_long_wait\": \"high\", \"estimated_wait_seconds\": 1, \"confidence\": 1}");
    assertThatThrownBy(() -> p.client().predictWait(new JobSpec(1, 1000, 1, 0, "default", null, null, false, null)))
        .isInstanceOf(BadResponseException.class).hasMessageContaining("probability_long_wait");
  }

  @Test
  void predictIsRetriedUnlessConfiguredNotTo() {
    JobSpec spec = new JobSpec(1, 1000, 1, 0, "default", null, null, false, null);
    server.failNext(Fault.status(503));
    assertThat(p.client().predictWait(spec).probabilityLongWait()).isEqualTo(0.87);
    assertThat(server.requestCount(FakeVgacServer.PREDICT_WAIT)).isEqualTo(2);

    server.clearRequests();
    server.failNext(Fault.status(503));
    VgacClient once = p.client(p.config().retryPredict(false).build());
    assertThatThrownBy(() -> once.predictWait(spec)).isInstanceOf(PlatformUnavailableException.class)
        .hasMessageContaining("POST /api/predict/wait").hasMessageContaining("attempt 1 of 1");
    assertThat(server.requestCount(FakeVgacServer.PREDICT_WAIT)).isEqualTo(1);
  }
}
