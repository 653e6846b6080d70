package io.vgac.metrics;

import static io.vgac.metrics.TestAgents.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vgac.agents.Agents;
import io.vgac.agents.gate.GateState;
import io.vgac.agents.log.DecisionRecord;
import io.vgac.agents.model.Job;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.agents.workflow.SubmissionResult;
import io.vgac.calibration.tracker.TrackerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every meter against what the agents did, read from a SimpleMeterRegistry. */
class VgacMetricsTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  int jobs;

  static double gauge(MeterRegistry r, String name, String... tags) {
    Gauge g = r.find(name).tags(tags).gauge();
    assertThat(g).as("%s %s", name, List.of(tags)).isNotNull();
    return g.value();
  }

  static double counter(MeterRegistry r, String name, String... tags) {
    FunctionCounter c = r.find(name).tags(tags).functionCounter();
    return c == null ? 0 : c.count();
  }

  List<SubmissionResult> submit(Agents a, String env, int n) {
    List<SubmissionResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Job j = TestAgents.job("j" + (++jobs), env);
      out.add(a.submit(j));
      a.start(env, j.jobId(), T0.plusSeconds(700));
    }
    return out;
  }

  @Test
  void gaugesReadTheTrackersAndTheGate() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    TestAgents.calibrated(a.trackers(), "good", 1000);
    TestAgents.observe(a, "good");
    m.monitor(a).bindTo(registry);
    assertThat(m.environments()).containsExactly("good");
    submit(a, "good", 3);

    double ece = a.trackers().evidence("good").windowEce();
    assertThat(gauge(registry, VgacMetrics.ROLLING_ECE, "environment", "good")).isEqualTo(ece);
    assertThat(gauge(registry, VgacMetrics.CALIBRATION_SCORE, "environment", "good"))
        .isEqualTo(a.trackers().evidence("good").calibrationScore());
    int q = a.trackers().evidence("good").qualifiedTier().getAsInt();
    assertThat(q).isEqualTo(4);
    for (int k = 1; k <= 4; k++) {
      assertThat(gauge(registry, VgacMetrics.TIER_QUALIFIED, "environment", "good", "tier", "" + k)).isEqualTo(1);
    }
    assertThat(a.gate().state("good")).isEqualTo(GateState.AUTONOMOUS);
    for (GateState s : GateState.values()) {
      assertThat(gauge(registry, VgacMetrics.GATE_STATE, "environment", "good", "state",
          s.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(s == GateState.AUTONOMOUS ? 1 : 0);
    }

    // the gauges follow the trackers live: miscalibrate, and ECE rises and tiers are lost
    TestAgents.miscalibrated(a.trackers(), "good", 1000);
    assertThat(gauge(registry, VgacMetrics.ROLLING_ECE, "environment", "good"))
        .isEqualTo(a.trackers().evidence("good").windowEce()).isGreaterThan(0.1);
    for (int k = 1; k <= 4; k++) {
      assertThat(gauge(registry, VgacMetrics.TIER_QUALIFIED, "environment", "good", "tier", "" + k)).isZero();
    }
  }

  @Test
  void partiallyQualifiedEnvironmentsShowEachTierSeparately() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    // ECE ≈ 0.06 (the label rate of p = 0.75 is 0.81): tiers 1 and 2 (ECE ≤ 0.10, ≤ 0.07), not 3 or 4
    for (int i = 0; i < 1000; i++) {
      a.trackers().update("mid", 0.75, i % 100 < 81 ? 1 : 0, T0.toEpochMilli());
    }
    m.monitor(a).bindTo(registry);
    double ece = a.trackers().evidence("mid").windowEce();
    assertThat(ece).isCloseTo(0.06, within(0.005));
    assertThat(gauge(registry, VgacMetrics.ROLLING_ECE, "environment", "mid")).isEqualTo(ece);
    assertThat(List.of(1, 2, 3, 4)).map(k -> gauge(registry, VgacMetrics.TIER_QUALIFIED, "environment", "mid",
        "tier", "" + k)).containsExactly(1.0, 1.0, 0.0, 0.0);
  }

  @Test
  void countersMatchTheDecisionLogAndTheSubmissions() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    m.monitor(a).bindTo(registry);
    TestAgents.calibrated(a.trackers(), "good", 1000);
    TestAgents.observe(a, "good");
    TestAgents.observe(a, "new"); // learning: everything escalates
    List<SubmissionResult> results = new ArrayList<>();
    results.addAll(submit(a, "good", 4));
    results.addAll(submit(a, "new", 3));

    Map<String, Integer> expected = new HashMap<>();
    for (DecisionRecord r : a.decisionLog().records()) {
      expected.merge(r.env() + " " + r.scope() + " " + r.decision(), 1, Integer::sum);
    }
    assertThat(expected).isNotEmpty();
    List<ActionResult> actions = results.stream().flatMap(r -> r.actions().stream()).toList();
    assertThat(actions).isNotEmpty();
    for (ActionResult x : actions) {
      var d = x.outcome().decision();
      assertThat(counter(registry, VgacMetrics.DECISIONS, "environment", d.envId(),
          "scope", d.scope().name().toLowerCase(java.util.Locale.ROOT), "decision", d.decision().wireName()))
          .isEqualTo(actions.stream().filter(y -> y.outcome().decision().envId().equals(d.envId())
              && y.outcome().decision().scope() == d.scope()
              && y.outcome().decision().decision() == d.decision()).count());
    }
    double total = registry.find(VgacMetrics.DECISIONS).functionCounters().stream()
        .mapToDouble(FunctionCounter::count).sum();
    assertThat(total).isEqualTo(a.decisionLog().records().size());

    // emitted tiers: one count per prediction, at its emitted tier
    for (String env : List.of("good", "new")) {
      for (int tier = 0; tier <= 4; tier++) {
        int t = tier;
        long n = results.stream().filter(r -> r.clusterId().equals(env) && r.emittedTier() == t).count();
        assertThat(counter(registry, VgacMetrics.TIER_EMITTED, "environment", env, "tier", "" + tier))
            .as("%s tier %d", env, tier).isEqualTo(n);
      }
    }
    assertThat(counter(registry, VgacMetrics.TIER_EMITTED, "environment", "good", "tier", "4")).isEqualTo(4);
    assertThat(registry.find(VgacMetrics.TIER_EMITTED).tag("environment", "new").functionCounters().stream()
        .mapToDouble(FunctionCounter::count).sum()).isEqualTo(3);
  }

  @Test
  void submissionsWithoutPredictionAreNotCountedAsEmittedTiers() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    m.monitor(a).bindTo(registry);
    submit(a, "dark", 2); // no cluster state: no prediction
    assertThat(registry.find(VgacMetrics.TIER_EMITTED).functionCounters()).isEmpty();
    assertThat(m.environments()).contains("dark");
  }

  @Test
  void recalibrationRequestsAreCountedOncePerExcursion() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.9);
    m.monitor(a).bindTo(registry);
    TestAgents.calibrated(a.trackers(), "c", 1000);
    TestAgents.miscalibrated(a.trackers(), "c", 300);
    assertThat(a.trackers().evidence("c").machineState()).isEqualTo(TrackerState.DRIFTING);
    TestAgents.observe(a, "c");
    submit(a, "c", 3);
    assertThat(counter(registry, VgacMetrics.RECALIBRATION_TRIGGERED, "environment", "c")).isEqualTo(1)
        .isEqualTo(a.workflow().recalibrationRequests().size());
    a.trackers().recalibrated("c", "isotonic");
    submit(a, "c", 1);
    TestAgents.miscalibrated(a.trackers(), "c", 400);
    submit(a, "c", 1);
    assertThat(counter(registry, VgacMetrics.RECALIBRATION_TRIGGERED, "environment", "c")).isEqualTo(2);
  }

  @Test
  void countsMadeBeforeBindingAreKeptAndSeveralRegistriesAgree() {
    VgacMetrics m = new VgacMetrics(Tags.of("replica", "r1"));
    Agents a = TestAgents.build(m, 0.95);
    TestAgents.calibrated(a.trackers(), "good", 1000);
    TestAgents.observe(a, "good");
    submit(a, "good", 2);
    m.monitor(a).bindTo(registry);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    m.bindTo(second);
    submit(a, "good", 1);
    TestAgents.observe(a, "later");
    TestAgents.calibrated(a.trackers(), "later", 1000);
    submit(a, "later", 1); // an environment first seen after binding gets its meters in both registries
    for (MeterRegistry r : List.of(registry, second)) {
      assertThat(counter(r, VgacMetrics.TIER_EMITTED, "environment", "good", "tier", "4", "replica", "r1"))
          .isEqualTo(3);
      assertThat(gauge(r, VgacMetrics.ROLLING_ECE, "environment", "later", "replica", "r1"))
          .isEqualTo(a.trackers().evidence("later").windowEce());
    }
  }

  @Test
  void environmentsUpdatedOutsideTheWorkflowAppearOnRefresh() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    m.monitor(a).bindTo(registry);
    TestAgents.calibrated(a.trackers(), "side", 200);
    assertThat(registry.find(VgacMetrics.ROLLING_ECE).tag("environment", "side").gauge()).isNull();
    m.refreshEnvironments();
    assertThat(gauge(registry, VgacMetrics.ROLLING_ECE, "environment", "side"))
        .isEqualTo(a.trackers().evidence("side").windowEce());
  }

  @Test
  void anEmptyWindowReadsNaNNotAPlaceholder() {
    VgacMetrics m = new VgacMetrics();
    Agents a = TestAgents.build(m, 0.95);
    m.monitor(a).bindTo(registry);
    submit(a, "dark", 1); // seen, but no outcome recorded
    assertThat(gauge(registry, VgacMetrics.ROLLING_ECE, "environment", "dark")).isNaN();
    assertThat(gauge(registry, VgacMetrics.CALIBRATION_SCORE, "environment", "dark")).isNaN();
    assertThat(gauge(registry, VgacMetrics.TIER_QUALIFIED, "environment", "dark", "tier", "1")).isZero();
    assertThat(gauge(registry, VgacMetrics.GATE_STATE, "environment", "dark", "state", "learning")).isEqualTo(1);
  }
}
