package io.vgac.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.Agents;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.RecordingSchedulerActions;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.agents.tools.RecordingNotifier;
import io.vgac.agents.tools.ToolRegistry;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.TrackerState;
import io.vgac.testkit.bedrock.FakeConverseServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Agents on a fixed clock with a recording scheduler, notifier and decision log, given evidence per cluster, a
 * settable p, and a BedrockPlanner pointed at a {@link FakeConverseServer} with fake static credentials.
 */
final class Harness implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final String MODEL = BedrockPlannerConfig.DEFAULT_MODEL_ID;
  static final String SECRET = "fakeSecretKeyThatMustNeverBeLogged";

  final FakeConverseServer bedrock;
  final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  final RecordingSchedulerActions scheduler = new RecordingSchedulerActions();
  final RecordingNotifier notifier = new RecordingNotifier();
  final InMemoryDecisionLog log = new InMemoryDecisionLog();
  final Map<String, CalibrationEvidence> evidence = new ConcurrentHashMap<>();
  final PlannerMetrics metrics = new PlannerMetrics();
  final List<ModelCall> calls = new CopyOnWriteArrayList<>();
  final List<PlanOutcome> outcomes = new CopyOnWriteArrayList<>();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  volatile double p = 0.95;
  final BedrockPlanner planner;
  final Agents agents;
  private int jobs;

  Harness() throws IOException {
    this(b -> b);
  }

  Harness(java.util.function.UnaryOperator<BedrockPlannerConfig.Builder> tune) throws IOException {
    bedrock = FakeConverseServer.start();
    BedrockPlannerConfig config = tune.apply(BedrockPlannerConfig.builder()
        .region("us-east-1")
        .endpointOverride(bedrock.endpoint())
        .attemptTimeout(Duration.ofSeconds(10))
        .baseBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(1))).build();
    AtomicReference<ToolRegistry> registry = new AtomicReference<>();
    PlannerListener both = new PlannerListener() {
      @Override
      public void onModelCall(ModelCall call) {
        calls.add(call);
        metrics.onModelCall(call);
      }

      @Override
      public void onPlan(PlanOutcome outcome) {
        outcomes.add(outcome);
        metrics.onPlan(outcome);
      }
    };
    planner = BedrockPlanner.builder(config)
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFAKEFAKE", SECRET)))
        .tools(registry::get)
        .listener(both)
        .jitterSeed(7)
        .sleeper(sleeps::add)
        .build();
    WaitTimePredictor fixed = (job, state) -> new WaitPrediction(job.jobId(), p, Duration.ofMinutes(20), 0.8, "fixed");
    agents = Agents.builder().clock(clock).scheduler(scheduler).notifier(notifier).decisionLog(log)
        .predictor(fixed).evidence(evidence::get).plannerUsingTools(tools -> {
          registry.set(tools);
          return planner;
        }).telemetryTtl(Duration.ZERO).build();
  }

  /** Calibrated, tier 4, AUTONOMOUS. */
  static CalibrationEvidence autonomous(String env) {
    return new CalibrationEvidence(env, 1847, false, 0.92, Scope.AUTONOMOUS, 4, 0.016,
        new Interval(0.012, 0.021, 0.9), DriftSeverity.NONE, TrackerState.CALIBRATED, T0);
  }

  /** Tier 2 under NOTIFY (ECE 0.06). */
  static CalibrationEvidence notifyTier2(String env) {
    return new CalibrationEvidence(env, 1000, false, 0.70, Scope.NOTIFY, 2, 0.06,
        new Interval(0.05, 0.07, 0.9), DriftSeverity.NONE, TrackerState.CALIBRATED, T0);
  }

  /** Escalate-only: learning mode (30 samples), although the ECE would qualify tier 4. */
  static CalibrationEvidence escalateLearning(String env) {
    return new CalibrationEvidence(env, 30, true, 0.90, Scope.ESCALATE, 4, 0.02,
        new Interval(0.0, 0.09, 0.9), null, TrackerState.LEARNING, T0);
  }

  /** Escalate-only: critical drift (ECE ratio above 5×). */
  static CalibrationEvidence escalateDrift(String env) {
    return new CalibrationEvidence(env, 5000, false, 0.88, Scope.ESCALATE, 4, 0.024,
        new Interval(0.02, 0.03, 0.9), DriftSeverity.CRITICAL, TrackerState.DRIFTING, T0);
  }

  Job job(String cluster) {
    return job("job-" + (++jobs), cluster, "alice", "gpu");
  }

  Job job(String id, String cluster, String namespace, String queue) {
    agents.inMemoryTelemetry().orElseThrow().put(new ClusterState(cluster, SchedulerType.KUBERNETES, 10, 80, 0, 1.0,
        40, 40, 40, T0));
    return new Job(id, cluster, namespace, queue, 8, 64, 262_144, Duration.ofHours(4), 0, T0);
  }

  static ObjectNode json(String text) {
    return (ObjectNode) AgentsJson.read(text, JsonNode.class);
  }

  static ObjectNode args(String... kv) {
    ObjectNode o = AgentsJson.mapper().createObjectNode();
    for (int i = 0; i < kv.length; i += 2) {
      o.put(kv[i], kv[i + 1]);
    }
    return o;
  }

  static String plan(String... actions) {
    List<String> parts = new ArrayList<>();
    for (String a : actions) {
      parts.add("{\"action\":\"" + a + "\",\"message\":\"m " + a + "\",\"rationale\":\"r\"}");
    }
    return "Plan follows.\n{\"actions\":[" + String.join(",", parts) + "]}";
  }

  @Override
  public void close() {
    bedrock.close();
  }
}
