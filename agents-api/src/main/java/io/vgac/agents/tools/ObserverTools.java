package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.calibration.anomaly.AnomalyScore;
import io.vgac.calibration.anomaly.AnomalyStatus;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Handlers of the observer tools {@code tool_get_cluster_state}, {@code tool_get_queue_depth} and
 * {@code tool_detect_anomaly} over a {@link ClusterTelemetry} and an {@link EnvironmentObserver} (register them with
 * {@link AgentTools.Builder#clusterState}, {@link AgentTools.Builder#queueDepth} and
 * {@link AgentTools.Builder#anomalyDetection}). A cluster with no fresh state (never observed, or older than the
 * telemetry's maximum age) is a failure that says so: no number is ever made up. A telemetry that throws becomes a
 * failure result through the registry.
 */
public final class ObserverTools {
  private final ClusterTelemetry telemetry;
  private final EnvironmentObserver observer;

  public ObserverTools(ClusterTelemetry telemetry) {
    this(telemetry, EnvironmentObserver.ofDefaults());
  }

  /** Tools over {@code telemetry}; {@code tool_detect_anomaly} scores against {@code observer}'s learned profiles. */
  public ObserverTools(ClusterTelemetry telemetry, EnvironmentObserver observer) {
    this.telemetry = telemetry;
    this.observer = observer;
  }

  public EnvironmentObserver observer() {
    return observer;
  }

  /**
   * {@code tool_detect_anomaly}: {@code {cluster_id, metric, value, anomaly, status, score, expected:{lo, hi,
   * value}, baseline, hours_of_history, observed_at, explanation}}. For {@code queue_depth} and {@code gpu_util} the
   * cluster's current state is read and learned (once per observation time); {@code memory} is scored from the
   * latest value fed to the {@link EnvironmentObserver}. While the profile is warming up {@code anomaly} is false
   * and the numbers the detector does not have yet are null.
   */
  public ToolResult detectAnomaly(ToolArguments args) {
    String id = args.string("cluster_id");
    AnomalyMetric metric = AnomalyMetric.of(args.string("metric"));
    if (metric != AnomalyMetric.MEMORY) {
      Optional<ClusterState> s = telemetry.clusterState(id);
      if (s.isEmpty()) {
        return unknown(id);
      }
      observer.observe(s.get());
    }
    Optional<EnvironmentObserver.Observation> seen = observer.latest(id, metric);
    if (seen.isEmpty()) {
      return ToolResult.failure("No " + metric.wireName() + " observations for cluster '" + id + "'"
          + (metric == AnomalyMetric.MEMORY ? ": this telemetry does not report memory; feed it to the observer" : ""));
    }
    AnomalyScore a = seen.get().score();
    ObjectNode data = Wire.object();
    data.put("cluster_id", id);
    data.put("metric", metric.wireName());
    data.put("value", a.value());
    data.put("anomaly", a.isAnomaly());
    data.put("status", a.status().name());
    Wire.number(data, "score", a.score());
    ObjectNode expected = data.putObject("expected");
    Wire.number(expected, "lo", a.lo());
    Wire.number(expected, "hi", a.hi());
    Wire.number(expected, "value", a.expected());
    data.put("baseline", a.baseline().name());
    data.put("hours_of_history", seen.get().hoursOfHistory());
    Wire.time(data, "observed_at", seen.get().observedAt());
    data.put("explanation", explain(metric, a, seen.get()));
    return ToolResult.ok(data);
  }

  static String explain(AnomalyMetric metric, AnomalyScore a, EnvironmentObserver.Observation seen) {
    String when = DayOfWeek.of(a.hourOfWeek() / 24 + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
        + String.format(Locale.ROOT, "%02d:00 UTC", a.hourOfWeek() % 24);
    if (a.status() == AnomalyStatus.WARMING_UP) {
      return String.format(Locale.ROOT, "%s %s: no verdict yet, the profile is warming up (%d hours of history)",
          metric.wireName(), number(a.value()), seen.hoursOfHistory());
    }
    String range = number(a.lo()) + "–" + number(a.hi());
    if (a.isAnomaly()) {
      return String.format(Locale.ROOT, "%s %s is %.1f robust deviations %s the expected %s for %s",
          metric.wireName(), number(a.value()), Math.abs(a.score()), a.score() > 0 ? "above" : "below", range, when);
    }
    return String.format(Locale.ROOT, "%s %s is within the expected %s for %s (score %.1f)", metric.wireName(),
        number(a.value()), range, when, a.score());
  }

  private static String number(double v) {
    return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** {@code tool_get_cluster_state}: the {@link ClusterState} in the model's wire form. */
  public ToolResult clusterState(ToolArguments args) {
    String id = args.string("cluster_id");
    Optional<ClusterState> s = telemetry.clusterState(id);
    if (s.isEmpty()) {
      return unknown(id);
    }
    JsonNode data = AgentsJson.mapper().valueToTree(s.get());
    return ToolResult.ok(data);
  }

  /** {@code tool_get_queue_depth}: {@code {cluster_id, queue_depth, pending_jobs, running_jobs, observed_at}}. */
  public ToolResult queueDepth(ToolArguments args) {
    String id = args.string("cluster_id");
    Optional<ClusterState> found = telemetry.clusterState(id);
    if (found.isEmpty()) {
      return unknown(id);
    }
    ClusterState s = found.get();
    ObjectNode data = Wire.object();
    data.put("cluster_id", id);
    data.put("queue_depth", s.queueDepth());
    data.put("pending_jobs", s.pendingJobs());
    data.put("running_jobs", s.runningJobs());
    Wire.time(data, "observed_at", s.observedAt());
    return ToolResult.ok(data);
  }

  private static ToolResult unknown(String id) {
    return ToolResult.failure("No fresh state for cluster '" + id + "': never observed, or older than the maximum age");
  }
}
