package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.spi.InMemoryClusterTelemetry;
import io.vgac.agents.spi.States;
import io.vgac.agents.spi.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** tool_detect_anomaly over the telemetry and the observer's learned seasonal profile. */
class AnomalyToolTest {
  final Instant t0 = Instant.parse("2026-01-05T00:00:00Z"); // a Monday
  final TestClock clock = new TestClock(t0);
  final InMemoryClusterTelemetry memory = new InMemoryClusterTelemetry(clock);
  final EnvironmentObserver observer = EnvironmentObserver.ofDefaults();
  final ObserverTools tools = new ObserverTools(memory, observer);
  final ToolRegistry registry = AgentTools.builder(Seeded.trackers())
      .anomalyDetection(tools::detectAnomaly)
      .build();

  JsonNode detect(String metric) {
    ToolResult r = registry.call(ToolCatalog.DETECT_ANOMALY,
        AgentsJson.read("{\"cluster_id\":\"c\",\"metric\":\"" + metric + "\"}", JsonNode.class));
    assertThat(r.success()).as("%s", r).isTrue();
    return r.data();
  }

  @Test
  void aQuietClusterNeverAlarmsAndASpikeDoes() {
    SplittableRandom random = new SplittableRandom(3);
    JsonNode first = null;
    for (int h = 0; h < 24 * 21; h++) {
      clock.set(t0.plus(Duration.ofHours(h)));
      int depth = (int) Math.round(40 + 15 * Math.sin(2 * Math.PI * (h % 24 - 8) / 24) + 2 * random.nextGaussian());
      memory.put(States.state("c", 4, depth, 70, depth, clock.instant()));
      JsonNode d = detect("queue_depth");
      if (first == null) {
        first = d;
      }
      assertThat(d.get("anomaly").asBoolean()).as("hour %d: %s", h, d).isFalse();
      assertThat(detect("gpu_util").get("anomaly").asBoolean()).isFalse();
    }
    assertThat(first.get("status").asText()).isEqualTo("WARMING_UP");
    assertThat(first.get("score").isNull()).isTrue();
    assertThat(first.get("explanation").asText()).contains("warming up");

    clock.advance(Duration.ofHours(1));
    memory.put(States.state("c", 4, 200, 70, 200, clock.instant()));
    JsonNode spike = detect("queue_depth");
    assertThat(spike.get("anomaly").asBoolean()).isTrue();
    assertThat(spike.get("status").asText()).isEqualTo("ANOMALY");
    assertThat(spike.get("score").asDouble()).isGreaterThan(5);
    assertThat(spike.get("expected").get("hi").asDouble()).isLessThan(200);
    assertThat(spike.get("expected").get("lo").asDouble()).isLessThan(spike.get("expected").get("hi").asDouble());
    assertThat(spike.get("baseline").asText()).isEqualTo("HOUR_OF_WEEK");
    assertThat(spike.get("explanation").asText())
        .startsWith("queue_depth 200 is ").contains("robust deviations above the expected").endsWith("UTC");
  }

  @Test
  void aStateIsLearnedOnceHoweverOftenTheToolIsCalled() {
    memory.put(States.state("c", 4, 10, 70, 10, t0));
    detect("queue_depth");
    detect("queue_depth");
    detect("gpu_util");
    assertThat(observer.skipped()).as("the same state read again: 2 metrics × 2 repeats").isEqualTo(4);
    // A clock that went backwards is skipped the same way.
    assertThat(observer.observe("c", AnomalyMetric.QUEUE_DEPTH, t0.minusSeconds(60), 99)).isEmpty();
    assertThat(observer.skipped()).isEqualTo(5);
  }

  @Test
  void memoryComesFromWhatIsFedAndIsAFailureOtherwise() {
    ToolResult none = registry.call(ToolCatalog.DETECT_ANOMALY,
        AgentsJson.read("{\"cluster_id\":\"c\",\"metric\":\"memory\"}", JsonNode.class));
    assertThat(none.success()).isFalse();
    assertThat(none.error()).contains("No memory observations for cluster 'c'");
    observer.observe("c", AnomalyMetric.MEMORY, t0, 512);
    assertThat(detect("memory").get("value").asDouble()).isEqualTo(512);
  }

  @Test
  void anUnknownClusterIsAFailure() {
    ToolResult r = registry.call(ToolCatalog.DETECT_ANOMALY,
        AgentsJson.read("{\"cluster_id\":\"nowhere\",\"metric\":\"queue_depth\"}", JsonNode.class));
    assertThat(r.success()).isFalse();
    assertThat(r.error()).contains("No fresh state for cluster 'nowhere'");
  }
}
