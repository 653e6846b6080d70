package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vgac.testkit.vgac.Fault;
import io.vgac.testkit.vgac.FakeVgacServer;
import io.vgac.testkit.vgac.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key goes as a bearer token, only when configured, and never into a message, a stack trace or a log. */
class ApiKeyTest {
  private static final String KEY = "sk-vgac-7f3a9c1e5b";
  private final TestPlatform p = new TestPlatform();

  @AfterEach
  void stop() {
    p.close();
  }

  @Test
  void theKeyIsSentAsABearerTokenOnEveryEndpoint() {
    p.server.requireApiKey(KEY);
    VgacClient c = p.client(p.config().apiKey(KEY).build());
    c.clusterState();
    c.queue();
    c.calibration();
    c.predictWait(new JobSpec(1, 1000, 1, 0, "default", null, null, false, null));
    assertThat(p.server.requests()).hasSize(4)
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + KEY));
  }

  @Test
  void noAuthorizationHeaderWithoutAKey() {
    p.client().calibration();
    RecordedRequest r = p.server.requests().get(0);
    assertThat(r.header("Authorization")).isEmpty();
    assertThat(r.header("Accept")).contains("application/json");
  }

  @Test
  void aWrongKeyIsRejectedWithoutRetryAndWithoutTheKey() {
    p.server.requireApiKey("the-right-key");
    Throwable t = catchThrowable(p.client(p.config().apiKey(KEY).build())::calibration);
    assertThat(t).isInstanceOf(RequestRejectedException.class).hasMessageContaining("HTTP 401")
        .hasMessageContaining("check the API key");
    assertThat(everything(t)).doesNotContain(KEY);
    assertThat(p.server.requestCount(FakeVgacServer.CALIBRATION)).isEqualTo(1);
  }

  @Test
  void theKeyIsNeverInMessagesOrLogsEvenWhenTheServerEchoesIt() {
    // a misbehaving platform echoing the token in a body the client reports on
    p.server.calibration("{\"ece\": \"" + KEY + "\"}");
    p.server.clusterSummary("{\"cluster_id\": " + KEY + "}");
    VgacClient c = p.client(p.config().apiKey(KEY).slidingWindowSize(8).minimumNumberOfCalls(8).build());
    StringBuilder seen = new StringBuilder();
    try (LogCapture logs = new LogCapture()) {
      seen.append(everything(catchThrowable(c::calibration)));
      seen.append(everything(catchThrowable(c::clusterState)));
      p.server.failAlways(Fault.status(503));
      seen.append(everything(catchThrowable(c::queue)));
      seen.append(everything(catchThrowable(c::queue))); // the circuit is open by now
      p.server.healthy().failAlways(Fault.delayHeaders(Duration.ofSeconds(3)));
      seen.append(everything(catchThrowable(
          p.client(p.config().apiKey(KEY).requestTimeout(Duration.ofMillis(100)).maxAttempts(1).build())::queue)));
      seen.append(logs.text());
    }
    assertThat(seen).contains("malformed JSON", "must be a finite number", "HTTP 503", "circuit breaker",
        "VGAC retry", "request timeout", "***");
    assertThat(seen).doesNotContain(KEY);
    assertThat(c.config().toString()).contains("apiKey=***").doesNotContain(KEY);
  }

  /** The throwable's class, message and stack trace, with every cause. */
  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
