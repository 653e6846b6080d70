package io.vgac.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.tools.Notifier;
import io.vgac.testkit.NotifierContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Slack notifier against a loopback webhook: every text reaches Slack's payload (asynchronously). */
class SlackNotifierContractTest extends NotifierContract {
  private FakeSlack slack;

  @Override
  protected Notifier create() {
    slack = new FakeSlack();
    return SlackNotifierTest.notifier(SlackNotifierTest.config(slack).build(), new RecordingSleeper());
  }

  @Override
  protected List<String> deliveredTexts(Notifier notifier) {
    List<String> texts = new ArrayList<>();
    for (JsonNode payload : slack.payloads()) {
      StringBuilder all = new StringBuilder();
      collectTexts(payload, all);
      texts.add(all.toString());
    }
    return texts;
  }

  private static void collectTexts(JsonNode node, StringBuilder all) {
    if (node.isObject() && node.path("text").isTextual()) {
      all.append(node.path("text").asText()).append('\n');
    }
    for (JsonNode child : node) {
      collectTexts(child, all);
    }
  }

  @AfterEach
  void stopSlack() {
    slack.close();
  }
}
