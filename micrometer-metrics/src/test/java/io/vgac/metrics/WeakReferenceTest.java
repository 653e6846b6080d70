package io.vgac.metrics;

import static io.vgac.metrics.TestAgents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vgac.agents.Agents;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The gauges hold the trackers and the gate weakly, yet read right for as long as the agents live. */
class WeakReferenceTest {

  @Test
  void gaugesStillReadAfterCollectionsWhileTheAgentsLive() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    TestAgents.calibrated(a.trackers(), "c", 1000);
    m.monitor(a).bindTo(registry);
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    assertThat(registry.get(VgacMetrics.ROLLING_ECE).tag("environment", "c").gauge().value())
        .isEqualTo(a.trackers().evidence("c").windowEce()).isNotNaN();
    assertThat(registry.get(VgacMetrics.GATE_STATE).tags("environment", "c", "state", "learning").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get(VgacMetrics.TIER_QUALIFIED).tags("environment", "c", "tier", "4").gauge().value())
        .isEqualTo(1);
  }

  @Test
  void metricsDoNotKeepTheAgentsAlive() throws InterruptedException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    VgacMetrics m = new VgacMetrics();
    WeakReference<EnvironmentTrackers> probe = bindAndDrop(m, registry);
    // the registry and the metrics object are still reachable here: only the agents are dropped
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (probe.get() != null && Instant.now().isBefore(deadline)) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(probe.get()).as("trackers collected").isNull();
    assertThat(registry.get(VgacMetrics.ROLLING_ECE).tag("environment", "c").gauge().value()).isNaN();
    assertThat(registry.get(VgacMetrics.GATE_STATE).tags("environment", "c", "state", "learning").gauge().value())
        .isNaN();
    // counters are the metrics' own: they survive the agents
    assertThat(registry.get(VgacMetrics.TIER_EMITTED).tags("environment", "c").functionCounter().count())
        .isEqualTo(1);
    m.refreshEnvironments(); // nothing to read from any more, and no failure
  }

  private static WeakReference<EnvironmentTrackers> bindAndDrop(VgacMetrics m, SimpleMeterRegistry registry) {
    Agents a = TestAgents.build(m, 0.95);
    TestAgents.calibrated(a.trackers(), "c", 1000);
    TestAgents.observe(a, "c");
    a.submit(TestAgents.job("j", "c"));
    a.start("c", "j", T0.plusSeconds(700));
    m.monitor(a).bindTo(registry);
    assertThat(registry.get(VgacMetrics.ROLLING_ECE).tag("environment", "c").gauge().value()).isNotNaN();
    return new WeakReference<>(a.trackers());
  }
}
