package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.spi.ClusterTelemetry;
import java.util.Optional;

/**
 * Handlers of the observer tools {@code tool_get_cluster_state} and {@code tool_get_queue_depth} over a
 * {@link ClusterTelemetry} (register them with {@link AgentTools.Builder#clusterState} and
 * {@link AgentTools.Builder#queueDepth}). A cluster with no fresh state (never observed, or older than the
 * telemetry's maximum age) is a failure that says so: no number is ever made up. A telemetry that throws becomes a
 * failure result through the registry.
 */
public final class ObserverTools {
  private final ClusterTelemetry telemetry;

  public ObserverTools(ClusterTelemetry telemetry) {
    this.telemetry = telemetry;
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
