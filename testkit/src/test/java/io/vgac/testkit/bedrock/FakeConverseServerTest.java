package io.vgac.testkit.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own wire behaviour, checked with a plain HTTP client. */
class FakeConverseServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  FakeConverseServer fake;

  @AfterEach
  void stop() {
    fake.close();
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(fake.endpoint() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void playsTheScriptInOrderAndRecordsTheDecodedModelId() throws Exception {
    fake = FakeConverseServer.start();
    assertThat(fake.endpoint().getHost()).isEqualTo("127.0.0.1");
    fake.enqueue(ConverseReply.throttling(), ConverseReply.builder().text("hi").usage(3, 4).latencyMs(9).build());
    HttpResponse<String> first = post("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
        "{\"messages\":[]}");
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("x-amzn-ErrorType")).hasValueSatisfying(v ->
        assertThat(v).startsWith("ThrottlingException:"));
    HttpResponse<String> second = post("/model/m%3A1/converse", "{\"messages\":[]}");
    JsonNode body = JSON.readTree(second.body());
    assertThat(body.path("output").path("message").path("content").get(0).path("text").asText()).isEqualTo("hi");
    assertThat(body.path("stopReason").asText()).isEqualTo("end_turn");
    assertThat(body.path("usage").path("totalTokens").asInt()).isEqualTo(7);
    assertThat(body.path("metrics").path("latencyMs").asInt()).isEqualTo(9);
    assertThat(fake.converseRequests()).extracting(RecordedConverseRequest::modelId)
        .containsExactly("us.anthropic.claude-haiku-4-5-20251001-v1:0", "m:1");
    // an empty script answers with a ValidationException, so an unexpected call fails loudly
    HttpResponse<String> third = post("/model/m/converse", "{}");
    assertThat(third.statusCode()).isEqualTo(400);
    assertThat(third.headers().firstValue("x-amzn-ErrorType").orElseThrow()).startsWith("ValidationException:");
  }

  @Test
  void otherPathsAndNonJsonBodiesAreErrors() throws Exception {
    fake = FakeConverseServer.start();
    assertThat(post("/model/m/invoke", "{}").statusCode()).isEqualTo(404);
    assertThat(post("/model/m/converse", "not json").statusCode()).isEqualTo(400);
    assertThat(fake.requests()).hasSize(2);
    assertThat(fake.converseRequests()).hasSize(1);
  }
}
