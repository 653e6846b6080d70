package io.vgac.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.gate.ActionGate;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a planner sends, {@link ToolRegistry#call} returns a well-formed result and never throws; and with every
 * environment under ESCALATE, no call ever reaches the scheduler.
 */
class ToolRegistryProperties {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> KEYS = List.of("cluster_id", "job_id", "metric", "priority", "severity", "metrics",
      "context", "channel", "message", "reason", "target_queue", "ece", "sample_count", "peak_hours", "x");

  final EnvironmentTrackers trackers = Seeded.trackers();
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final InMemoryJobDirectory jobs = new InMemoryJobDirectory();
  final ToolRegistry tools;

  ToolRegistryProperties() {
    Seeded.miscalibrated(trackers, "bad", 300);
    Seeded.calibrated(trackers, "new", 20);
    jobs.put("j1", "bad", 0.99);
    jobs.put("j2", "new", 0.99);
    jobs.put("x", "unknown", 0.99);
    GatedActions gated = new GatedActions(ActionGate.ofDefaults(), EvidenceSource.of(trackers, Clock.systemUTC()),
        scheduler, d -> {});
    tools = AgentTools.builder(trackers)
        .actions(gated, jobs)
        .notifier(new RecordingNotifier())
        .clusterState(a -> ToolResult.ok(a.json()))
        .queueDepth(a -> {
          throw new IllegalStateException("boom");
        })
        .anomalyDetection(a -> null)
        .predictor((j, c) -> {
          throw new AssertionError("the predictor must not be asked under ESCALATE");
        })
        .build();
  }

  @Property
  void callNeverThrowsAndAlwaysAnswersInTheDesignsShape(
      @ForAll("toolNames") String name, @ForAll("arguments") JsonNode arguments) {
    ToolResult r = tools.call(name, arguments);
    assertThat(r).isNotNull();
    if (r.success()) {
      assertThat(r.error()).isNull();
    } else {
      assertThat(r.error()).isNotBlank();
      assertThat(r.data()).isNull();
    }
    String json = r.toJsonString();
    assertThat(json).startsWith("{\"success\":" + r.success());
    assertThat(scheduler.count()).as("nothing executes under ESCALATE").isZero();
    Statistics.collect(r.success() ? "success" : r.error().startsWith("Invalid arguments") ? "invalid" : "failure");
  }

  @Property
  void nearValidCallsReachTheHandlersAndNeverThrow(@ForAll("nearValid") Tuple.Tuple2<String, JsonNode> call) {
    callNeverThrowsAndAlwaysAnswersInTheDesignsShape(call.get1(), call.get2());
  }

  /** Valid arguments of a catalog tool (ids from the seeded ones), sometimes with one member replaced by any JSON. */
  @Provide
  Arbitrary<Tuple.Tuple2<String, JsonNode>> nearValid() {
    Arbitrary<String> ids = Arbitraries.of("bad", "new", "unknown", "j1", "j2", "x", "#ops");
    return Arbitraries.of(ToolCatalog.all()).flatMap(spec -> {
      List<Arbitrary<JsonNode>> members = new ArrayList<>();
      JsonNode props = spec.parameters().path("properties");
      for (String name : spec.parameterNames()) {
        JsonNode p = props.get(name);
        if (p.has("enum")) {
          List<String> values = new ArrayList<>();
          p.get("enum").forEach(v -> values.add(v.asText()));
          members.add(Arbitraries.of(values).map(v -> (JsonNode) F.textNode(v)));
        } else if ("object".equals(p.get("type").asText())) {
          members.add(objects(2));
        } else {
          members.add(ids.map(v -> (JsonNode) F.textNode(v)));
        }
      }
      Arbitrary<List<JsonNode>> values = members.isEmpty()
          ? Arbitraries.just(List.of())
          : Combinators.combine(members).as(List::copyOf);
      Arbitrary<Integer> mutate = Arbitraries.integers().between(-2, Math.max(0, members.size() - 1));
      return Combinators.combine(values, mutate, json(2)).as((vals, m, any) -> {
        ObjectNode o = F.objectNode();
        for (int i = 0; i < vals.size(); i++) {
          o.set(spec.parameterNames().get(i), m == i ? any : vals.get(i));
        }
        return Tuple.of(spec.name(), (JsonNode) o);
      });
    });
  }

  @Provide
  Arbitrary<String> toolNames() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(ToolCatalog.all().stream().map(ToolSpec::name).toList())),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(30)));
  }

  @Provide
  Arbitrary<JsonNode> arguments() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, objects(3)),
        Tuple.of(1, json(2)));
  }

  /** Objects whose keys are mostly the tools' parameter names, with arbitrary values. */
  Arbitrary<JsonNode> objects(int depth) {
    Arbitrary<String> keys = Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(KEYS)), Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
    Arbitrary<JsonNode> values = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("bad", "new", "j1", "j2", "x", "high", "info", "gpu_util", " ", "")
            .map(s -> (JsonNode) F.textNode(s))),
        Tuple.of(3, json(depth - 1)));
    return Combinators.combine(keys, values).as(Tuple::of).list().ofMaxSize(6).map(entries -> {
      ObjectNode o = F.objectNode();
      entries.forEach(t -> o.set(t.get1(), t.get2()));
      return o;
    });
  }

  /** Any JSON value, nested up to {@code depth}. */
  Arbitrary<JsonNode> json(int depth) {
    List<Arbitrary<JsonNode>> leaves = List.of(
        Arbitraries.just(F.nullNode()),
        Arbitraries.of(true, false).map(F::booleanNode),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.bigDecimals().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) F.textNode(s)));
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(leaves);
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<JsonNode> array = json(depth - 1).list().ofMaxSize(4).map(items -> {
      ArrayNode a = F.arrayNode();
      a.addAll(new ArrayList<>(items));
      return a;
    });
    return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, array), Tuple.of(1, objects(depth - 1)));
  }
}
