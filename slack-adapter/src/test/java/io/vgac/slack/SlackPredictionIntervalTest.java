package io.vgac.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.tools.Alert;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The prediction message with an interval reads as agents-api's WaitText sentence. */
class SlackPredictionIntervalTest {

  @Test
  void thePredictionMessageCarriesTheIntervalSentence() {
    WaitPrediction p = new WaitPrediction("42", 0.3, Duration.ofMinutes(45), 0.7, "m",
        new WaitInterval(12 * 60, 95 * 60, 0.8));
    Alert a = SlackMessages.prediction("#gpu-alerts", p, Double.NaN, 0.91);
    String text = SlackMessages.payload(a).get("text").asText();
    assertThat(text).isEqualTo("✅ Job 42 will start in ~45 min (80% interval 12–95 min; calibration 91%)");
    assertThat(SlackMessages.payload(a).get("blocks").get(0).get("text").get("text").asText()).isEqualTo(text);
    assertThat(a.context().get(SlackMessages.INTERVAL_LO_SECONDS).asDouble()).isEqualTo(720.0);
    assertThat(a.context().get(SlackMessages.INTERVAL_HI_SECONDS).asDouble()).isEqualTo(5700.0);
    assertThat(a.context().get(SlackMessages.ESTIMATED_WAIT_MINUTES).asDouble()).isEqualTo(45.0);
  }

  @Test
  void mrkdwnInAJobIdIsEscapedAndAPredictionWithoutIntervalStillReads() {
    WaitPrediction p = new WaitPrediction("<a&b>", 0.3, Duration.ofSeconds(30), 0.7, "m");
    String text = SlackMessages.payload(SlackMessages.prediction("#c", p, 0.8, 0.5)).get("text").asText();
    assertThat(text).isEqualTo("❓ Job &lt;a&amp;b&gt; will start in ~30 s (calibration 50%)");
  }
}
