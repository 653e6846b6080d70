package io.vgac.metrics;

import static io.vgac.metrics.TestAgents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vgac.agents.Agents;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Micrometer names render to exactly the Prometheus names the platform uses. */
class PrometheusNamesTest {

  @Test
  void scrapeShowsThePlatformsNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.9);
    m.monitor(a).bindTo(registry);
    TestAgents.calibrated(a.trackers(), "c", 1000);
    TestAgents.miscalibrated(a.trackers(), "c", 300);
    TestAgents.calibrated(a.trackers(), "ok", 1000);
    for (String env : List.of("c", "ok")) {
      TestAgents.observe(a, env);
      a.submit(TestAgents.job("j" + env, env));
      a.start(env, "j" + env, T0.plusSeconds(700));
    }
    String scrape = registry.scrape();
    List<String> names = Arrays.stream(scrape.split("\n")).filter(l -> !l.startsWith("#"))
        .map(l -> l.substring(0, l.indexOf('{'))).distinct().sorted().toList();
    assertThat(names).containsExactly("vgac_calibration_score", "vgac_decisions_total", "vgac_gate_state",
        "vgac_recalibration_triggered_total", "vgac_rolling_ece", "vgac_tier_emitted_total", "vgac_tier_qualified");
    assertThat(scrape)
        .contains("vgac_tier_qualified{environment=\"ok\",tier=\"4\"} 1")
        .contains("vgac_tier_emitted_total{environment=\"ok\",tier=\"4\"} 1")
        .contains("vgac_recalibration_triggered_total{environment=\"c\"} 1")
        .contains("vgac_gate_state{environment=\"ok\",state=\"autonomous\"} 1")
        .containsPattern("vgac_decisions_total\\{decision=\"executed\",environment=\"ok\",scope=\"autonomous\"} 1")
        .containsPattern("vgac_rolling_ece\\{environment=\"c\"} 0\\.\\d+");
  }
}
