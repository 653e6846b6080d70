package io.vgac.slack;

import static io.vgac.slack.TestAgents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.Agents;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.model.Job;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.SubmissionResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The notifier wired into the agents: Slack down changes no decision; Slack up carries an approval end to end. */
class SlackAgentsEndToEndTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  /** Clusters of every scope, and a spread of p, through the workflow: every decision and its log record. */
  static List<String> run(Function<TestAgents, Agents> build, TestAgents t) {
    Agents a = build.apply(t);
    TestAgents.calibrated(a.trackers(), "good", 1000);   // AUTONOMOUS, tier 4
    TestAgents.withEce(a.trackers(), "fair", 1000, 0.04); // NOTIFY
    TestAgents.withEce(a.trackers(), "poor", 1000, 0.2);  // ESCALATE
    TestAgents.calibrated(a.trackers(), "new", 40);       // learning: ESCALATE
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String env : List.of("good", "fair", "poor", "new")) {
      TestAgents.observe(a, env);
      for (double p : new double[] {0.95, 0.75, 0.55, 0.35, 0.1}) {
        t.p = p;
        Job j = TestAgents.job("j" + (++n), env);
        SubmissionResult r = a.submit(j);
        for (ActionResult x : r.actions()) {
          out.add(j.jobId() + " " + x.planned().action() + " " + x.decision() + " " + x.outcome().executed() + " "
              + x.outcome().decision().reason());
        }
        a.start(env, j.jobId(), T0.plusSeconds(900));
      }
    }
    for (DecisionRecord r : t.log.records()) {
      out.add(r.toString());
    }
    out.add("scheduler " + t.scheduler.calls());
    return out;
  }

  @Test
  void slackDownChangesNoDecision() throws Exception {
    List<String> reference = run(t -> t.build(Notifier.none()), new TestAgents());
    assertThat(reference).anyMatch(s -> s.contains(" EXECUTE ")).anyMatch(s -> s.contains(" EXECUTE_AND_NOTIFY "))
        .anyMatch(s -> s.contains(" ESCALATE "));

    String deadUrl;
    try (FakeSlack gone = new FakeSlack()) {
      deadUrl = gone.url(); // bound, then closed: connections are refused
    }
    SlackConfig config = SlackConfig.builder().webhookUrl(deadUrl).maxRetries(2).initialBackoff(Duration.ZERO)
        .build();
    try (SlackNotifier slack = new SlackNotifier(config)) {
      List<String> withSlack = run(t -> t.build(slack), new TestAgents());
      assertThat(withSlack).isEqualTo(reference);
      assertThat(slack.awaitIdle(WAIT)).isTrue();
      assertThat(slack.stats().accepted()).isPositive();
      assertThat(slack.stats().sent()).isZero();
      assertThat(slack.stats().failed()).isEqualTo(slack.stats().accepted());
      assertThat(slack.stats().retries()).isEqualTo(2 * slack.stats().accepted());
    }
  }

  @Test
  void anEscalationPostedToSlackIsApprovedThroughTheSignedEndpoint() throws Exception {
    String secret = "e2e-signing-secret";
    try (FakeSlack webhook = new FakeSlack()) {
      SlackConfig config = SlackConfig.builder().webhookUrl(webhook.url()).signingSecret(secret).build();
      TestAgents t = new TestAgents();
      try (SlackNotifier slack = new SlackNotifier(config)) {
        Agents a = t.build(slack);
        TestAgents.calibrated(a.trackers(), "polaris", 40);
        TestAgents.observe(a, "polaris");
        ActionResult escalated = a.submit(TestAgents.job("j1", "polaris")).actions().get(0);
        assertThat(escalated.decision()).isEqualTo(Decision.ESCALATE);
        assertThat(slack.awaitIdle(WAIT)).isTrue();

        JsonNode message = webhook.payloads().get(0);
        assertThat(message.at("/blocks/0/text/text").asText()).startsWith("🚨 *Human Review Needed*");
        List<String> ids = StreamSupport.stream(message.at("/blocks/2/elements").spliterator(), false)
            .map(b -> b.get("action_id").asText()).toList();
        assertThat(ids).containsExactly("acknowledge_escalation",
            "vgac_approve:" + escalated.approvalId(), "vgac_deny:" + escalated.approvalId());

        SlackInteractionHandler handler = SlackInteractionHandler.forAgents(config, a);
        try (SlackInteractionServer server = SlackInteractionServer.start(handler,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), SlackInteractionServer.DEFAULT_PATH)) {
          URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + SlackInteractionServer.DEFAULT_PATH);
          HttpClient client = HttpClient.newHttpClient();
          String body = SlackInteractionHandlerTest.blockActions(ids.get(1), escalated.approvalId());
          String ts = Long.toString(T0.getEpochSecond());

          HttpResponse<String> forged = client.send(post(uri, body, Map.of("X-Slack-Request-Timestamp", ts,
              "X-Slack-Signature", SlackSignatures.sign("not-the-secret", ts, body))),
              HttpResponse.BodyHandlers.ofString());
          assertThat(forged.statusCode()).isEqualTo(401);
          assertThat(forged.body()).isEqualTo("REJECTED_SIGNATURE");
          assertThat(t.scheduler.calls()).isEmpty();

          String junk = "payload=nope";
          assertThat(client.send(post(uri, junk, Map.of("X-Slack-Request-Timestamp", ts,
              "X-Slack-Signature", SlackSignatures.sign(secret, ts, junk))), HttpResponse.BodyHandlers.ofString())
              .statusCode()).isEqualTo(400);
          assertThat(client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
              .statusCode()).isEqualTo(405);

          HttpResponse<String> ok = client.send(post(uri, body, Map.of("X-Slack-Request-Timestamp", ts,
              "X-Slack-Signature", SlackSignatures.sign(secret, ts, body))), HttpResponse.BodyHandlers.ofString());
          assertThat(ok.statusCode()).isEqualTo(200);
          assertThat(t.scheduler.calls()).singleElement()
              .satisfies(c -> assertThat(c.action()).isEqualTo(ProposedAction.HOLD));
        }
      }
    }
  }

  private static HttpRequest post(URI uri, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return b.build();
  }
}
