package io.vgac.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.AlertSeverity;
import io.vgac.slack.FakeSlack.Reply;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Posting, retrying and dropping against a loopback webhook that plays Slack's answers. */
class SlackNotifierTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration BACKOFF = Duration.ofMillis(100);

  static SlackConfig.Builder config(FakeSlack slack) {
    return SlackConfig.builder().webhookUrl(slack.url()).signingSecret("not-used-here")
        .initialBackoff(BACKOFF).maxRetries(3).requestTimeout(Duration.ofSeconds(5));
  }

  static SlackNotifier notifier(SlackConfig config, RecordingSleeper sleeper) {
    return new SlackNotifier(config, HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build(),
        sleeper);
  }

  @Test
  void postsTheBlockKitPayloadOnce() throws Exception {
    try (FakeSlack slack = new FakeSlack();
        SlackNotifier n = notifier(config(slack).build(), new RecordingSleeper())) {
      Alert alert = SlackMessages.prediction("#gpu-alerts", "j1", Duration.ofMinutes(23), 0.91);
      n.deliver(alert);
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(slack.payloads()).containsExactly(SlackMessages.payload(alert));
      JsonNode p = slack.payloads().get(0);
      assertThat(p.at("/blocks/0/text/text").asText())
          .isEqualTo("✅ Job `j1` will start in approximately *23 minutes* (calibration: 91%)");
      assertThat(n.stats()).isEqualTo(new SlackDeliveryStats(1, 1, 0, 0, 0, 0));
    }
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FakeSlack slack = new FakeSlack(Reply.tooMany("7"), Reply.ok());
        SlackNotifier n = notifier(config(slack).build(), sleeper)) {
      n.deliver(Alert.alert("#gpu-alerts", AlertSeverity.WARNING, "queue depth high"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(slack.bodies()).hasSize(2).allMatch(b -> b.equals(slack.bodies().get(0)));
      assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
      assertThat(n.stats().sent()).isEqualTo(1);
      assertThat(n.stats().retries()).isEqualTo(1);
    }
  }

  @Test
  void aRetryAfterBeyondTheMaximumBackoffIsCapped() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FakeSlack slack = new FakeSlack(Reply.tooMany("3600"), Reply.ok());
        SlackNotifier n = notifier(config(slack).maxBackoff(Duration.ofSeconds(30)).build(), sleeper)) {
      n.deliver(Alert.message("#gpu-alerts", "hello"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
      assertThat(n.stats().sent()).isEqualTo(1);
    }
  }

  @Test
  void serverErrorsAreRetriedWithDoublingBackoffThenDropped() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FakeSlack slack = new FakeSlack(Reply.serverError(), Reply.serverError(), Reply.serverError(),
        Reply.serverError(), Reply.ok());
        SlackNotifier n = notifier(config(slack).build(), sleeper)) {
      n.deliver(Alert.message("#gpu-alerts", "hello"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(slack.bodies()).hasSize(4); // the first attempt and 3 retries; the 5th reply is never asked for
      assertThat(sleeper.waits).containsExactly(BACKOFF, BACKOFF.multipliedBy(2), BACKOFF.multipliedBy(4));
      assertThat(n.stats()).isEqualTo(new SlackDeliveryStats(1, 0, 1, 0, 3, 0));
    }
  }

  @Test
  void aServerErrorThenOkIsDelivered() throws Exception {
    try (FakeSlack slack = new FakeSlack(Reply.serverError(), Reply.ok());
        SlackNotifier n = notifier(config(slack).build(), new RecordingSleeper())) {
      n.deliver(Alert.message("#gpu-alerts", "hello"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(n.stats().sent()).isEqualTo(1);
      assertThat(n.stats().failed()).isZero();
    }
  }

  @Test
  void invalidPayloadIsFinalAndNotRetried() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FakeSlack slack = new FakeSlack(Reply.invalidPayload());
        SlackNotifier n = notifier(config(slack).build(), sleeper)) {
      n.deliver(Alert.message("#gpu-alerts", "hello"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(slack.bodies()).hasSize(1);
      assertThat(sleeper.waits).isEmpty();
      assertThat(n.stats().failed()).isEqualTo(1);
    }
  }

  @Test
  void aSlowSlackTimesOutIsRetriedAndThenDropped() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();
    try (FakeSlack slack = new FakeSlack(Reply.hanging(), Reply.hanging());
        SlackNotifier n = notifier(config(slack).maxRetries(1).requestTimeout(Duration.ofMillis(300)).build(),
            sleeper)) {
      n.deliver(Alert.message("#gpu-alerts", "hello"));
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(n.stats().failed()).isEqualTo(1);
      assertThat(sleeper.waits).containsExactly(BACKOFF);
    }
  }

  @Test
  void aFullQueueDropsAndCountsWithoutBlocking() throws Exception {
    try (FakeSlack slack = new FakeSlack(Reply.hanging());
        SlackNotifier n = notifier(config(slack).queueCapacity(2).maxRetries(0)
            .requestTimeout(Duration.ofSeconds(30)).build(), new RecordingSleeper())) {
      n.deliver(Alert.message("#gpu-alerts", "in flight"));
      // wait until the first message is taken by the sender (so the queue's two places are free)
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (slack.bodies().isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(slack.bodies()).hasSize(1);
      for (int i = 0; i < 5; i++) {
        n.deliver(Alert.message("#gpu-alerts", "m" + i)); // returns at once although Slack hangs
      }
      SlackDeliveryStats s = n.stats();
      assertThat(s.queued()).isEqualTo(2);
      assertThat(s.dropped()).isEqualTo(3);
      assertThat(s.accepted()).isEqualTo(3);
      slack.stop(); // releases the slow reply: the rest is posted (to a stopped server: fails, counted)
      assertThat(n.awaitIdle(WAIT)).isTrue();
      assertThat(n.stats().sent() + n.stats().failed()).isEqualTo(3);
    }
  }

  @Test
  void aClosedNotifierDropsAndNeverThrows() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      SlackNotifier n = notifier(config(slack).build(), new RecordingSleeper());
      n.close();
      n.deliver(Alert.message("#gpu-alerts", "late"));
      assertThat(n.stats().dropped()).isEqualTo(1);
      assertThat(slack.bodies()).isEmpty();
    }
  }

  @Test
  void theWebhookUrlAndSecretNeverReachTheLogOrToString() throws Exception {
    String unreachable;
    try (FakeSlack gone = new FakeSlack()) {
      unreachable = gone.url();
    }
    try (StderrCapture err = new StderrCapture();
        FakeSlack slack = new FakeSlack(Reply.invalidPayload(), Reply.serverError(), Reply.serverError())) {
      SlackConfig good = config(slack).maxRetries(1).signingSecret("sEcReT-sIgNiNg-0042").build();
      try (SlackNotifier n = notifier(good, new RecordingSleeper())) {
        n.deliver(Alert.message("#gpu-alerts", "rejected"));
        n.deliver(Alert.message("#gpu-alerts", "5xx twice"));
        assertThat(n.awaitIdle(WAIT)).isTrue();
        assertThat(n.stats().failed()).isEqualTo(2);
        assertThat(n.toString()).doesNotContain(FakeSlack.TOKEN).doesNotContain("sEcReT");
      }
      try (SlackNotifier n = notifier(SlackConfig.builder().webhookUrl(unreachable).maxRetries(1)
          .initialBackoff(Duration.ZERO).build(), new RecordingSleeper())) {
        n.deliver(Alert.message("#gpu-alerts", "connection refused"));
        assertThat(n.awaitIdle(WAIT)).isTrue();
        assertThat(n.stats().failed()).isEqualTo(1);
      }
      String log = err.text();
      assertThat(log).contains("Slack rejected a MESSAGE (HTTP 400 invalid_payload)")
          .contains("Slack did not take a MESSAGE after 2 attempt(s)");
      assertThat(log).doesNotContain(FakeSlack.TOKEN).doesNotContain(FakeSlack.PATH).doesNotContain("sEcReT");
    }
  }
}
