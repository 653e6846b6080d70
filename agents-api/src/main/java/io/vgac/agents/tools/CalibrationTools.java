package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.calibration.drift.DriftAssessment;
import io.vgac.calibration.tracker.DriftCheck;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.agents.store.ProfileSketch;
import io.vgac.agents.store.WaitQuantiles;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers of the tools that read and maintain calibration, over the in-process {@link EnvironmentTrackers} and
 * {@link EnvironmentProfiles}: {@code tool_get_calibration_score}, {@code tool_get_environment_profile},
 * {@code tool_check_calibration_drift}, {@code tool_trigger_recalibration},
 * {@code tool_update_environment_profile} and {@code tool_get_all_calibrations}.
 *
 * <p>Wire conventions, as in the decision log: scopes, severities, actions and states are the enum names
 * ({@code "ESCALATE"}, {@code "SIGNIFICANT"}); NaN (not enough data) is JSON null; an interval is {@code [lo, hi]}.
 */
public final class CalibrationTools {
  private static final Logger LOG = LoggerFactory.getLogger(CalibrationTools.class);

  /** The method recorded on the tracker by {@code tool_trigger_recalibration} unless configured otherwise. */
  public static final String DEFAULT_RECALIBRATION_METHOD = "requested";
  /** Severity reported by the drift check while no ratio can be assessed (empty window or no baseline yet). */
  public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

  private final EnvironmentTrackers trackers;
  private final EnvironmentProfiles profiles;
  private final String recalibrationMethod;
  private @Nullable CachedProfiles learned;

  /**
   * @param recalibrationMethod the calibrator method recorded on the tracker when a recalibration is triggered
   *     (the tool records the request; the refit itself belongs to whoever runs the recalibration loop)
   */
  public CalibrationTools(EnvironmentTrackers trackers, EnvironmentProfiles profiles, String recalibrationMethod) {
    if (recalibrationMethod.isBlank()) {
      throw new IllegalArgumentException("recalibrationMethod must not be blank but was '" + recalibrationMethod
          + "'");
    }
    this.trackers = trackers;
    this.profiles = profiles;
    this.recalibrationMethod = recalibrationMethod;
  }

  public CalibrationTools(EnvironmentTrackers trackers, EnvironmentProfiles profiles) {
    this(trackers, profiles, DEFAULT_RECALIBRATION_METHOD);
  }

  /** Serves learned profiles from {@code learned} beside the stored metrics (see {@link #getProfile}). */
  public CalibrationTools learnedProfiles(CachedProfiles learned) {
    this.learned = learned;
    return this;
  }

  /** {@code tool_get_calibration_score}: the calibration summary of one cluster (the unknown state if never seen). */
  public ToolResult calibrationScore(ToolArguments args) {
    String id = args.string("cluster_id");
    boolean known = trackers.environments().contains(id);
    ObjectNode data = summary(trackers.state(id));
    data.put("known", known);
    return ToolResult.ok(data);
  }

  /**
   * {@code tool_check_calibration_drift}: exactly {@code {cluster_id, drift_status:{severity, action, message,
   * drift_ratio}, current_calibration_score, sample_count}}.
   */
  public ToolResult checkDrift(ToolArguments args) {
    String id = args.string("cluster_id");
    EnvironmentState s = trackers.state(id);
    ObjectNode data = Wire.object();
    data.put("cluster_id", id);
    ObjectNode status = data.putObject("drift_status");
    DriftCheck check = s.drift();
    if (check == null) {
      status.put("severity", INSUFFICIENT_DATA);
      status.put("action", "MONITOR");
      status.put("message", s.windowSize() == 0
          ? "No outcomes in the window yet: drift cannot be assessed"
          : "No baseline yet (" + s.windowSize() + " outcomes in the window): drift cannot be assessed");
      status.putNull("drift_ratio");
    } else {
      DriftAssessment a = check.assessment();
      status.put("severity", a.severity().name());
      status.put("action", a.action().name());
      status.put("message", a.message());
      Wire.number(status, "drift_ratio", a.ratio());
    }
    Wire.number(data, "current_calibration_score", s.calibrationScore());
    data.put("sample_count", s.sampleCount());
    return ToolResult.ok(data);
  }

  /**
   * {@code tool_trigger_recalibration}: records a recalibration (the configured method, the next calibrator
   * version) on the tracker of a known cluster, which restarts its window and detectors and, after a drift alarm,
   * caps autonomy at NOTIFY until fresh outcomes confirm the calibration. An unknown cluster is a failure: nothing
   * is created.
   */
  public ToolResult triggerRecalibration(ToolArguments args) {
    String id = args.string("cluster_id");
    String reason = args.string("reason");
    if (!trackers.environments().contains(id)) {
      return ToolResult.failure("Unknown cluster '" + id + "': no outcomes recorded, nothing to recalibrate");
    }
    EnvironmentState before = trackers.state(id);
    long version = trackers.recalibrated(id, recalibrationMethod);
    EnvironmentState after = trackers.state(id);
    LOG.info("Recalibration of {} recorded (method {}, version {}): {}", id, recalibrationMethod, version, reason);
    ObjectNode data = Wire.object();
    data.put("cluster_id", id);
    data.put("recorded", true);
    data.put("method", recalibrationMethod);
    data.put("calibrator_version", version);
    data.put("reason", reason);
    data.put("previous_state", before.machineState().name());
    data.put("machine_state", after.machineState().name());
    data.put("action_scope", after.scope().name());
    data.put("message", String.format(Locale.ROOT,
        "Recalibration recorded for cluster %s (method '%s', version %d): the window restarts from fresh outcomes;"
            + " autonomy state %s → %s, scope %s",
        id, recalibrationMethod, version, before.machineState(), after.machineState(), after.scope()));
    return ToolResult.ok(data);
  }

  /** {@code tool_update_environment_profile}: merges the metrics into the stored profile and returns it. */
  public ToolResult updateProfile(ToolArguments args) {
    String id = args.string("cluster_id");
    ObjectNode metrics = args.object("metrics");
    EnvironmentProfile p = profiles.update(id, metrics);
    ObjectNode data = profileJson(p.clusterId(), Optional.of(p));
    ArrayNode updated = data.putArray("updated_fields");
    metrics.fieldNames().forEachRemaining(updated::add);
    return ToolResult.ok(data);
  }

  /**
   * {@code tool_get_environment_profile}: the metrics stored by {@code tool_update_environment_profile} and, with
   * learned profiles configured, {@code learned}: {@code {avg_queue_depth, avg_gpu_utilization, peak_hours,
   * typical_wait_minutes, wait_quantiles_minutes:{count, p50, p90, p95, p99} | null, telemetry_samples, updated_at}}
   * or null when nothing fresh was learned. {@code found} is true when either is present.
   */
  public ToolResult getProfile(ToolArguments args) {
    String id = args.string("cluster_id");
    Optional<EnvironmentProfile> stored = profiles.get(id);
    ObjectNode data = profileJson(id, stored);
    if (learned != null) {
      Optional<ProfileRecord> p = learned.profile(id);
      data.set("learned", p.isPresent() ? learnedJson(p.get()) : null);
      data.put("found", stored.isPresent() || p.isPresent());
    }
    return ToolResult.ok(data);
  }

  static ObjectNode learnedJson(ProfileRecord p) {
    ObjectNode o = Wire.object();
    o.put("avg_queue_depth", p.avgQueueDepth());
    o.put("avg_gpu_utilization", p.avgGpuUtilization());
    ArrayNode hours = o.putArray("peak_hours");
    p.peakHours().forEach(hours::add);
    o.put("typical_wait_minutes", p.typicalWaitMinutes());
    WaitQuantiles q = p.waitQuantiles();
    if (q == null) {
      o.putNull("wait_quantiles_minutes");
    } else {
      ObjectNode w = o.putObject("wait_quantiles_minutes");
      w.put("count", q.count());
      w.put("p50", q.p50());
      w.put("p90", q.p90());
      w.put("p95", q.p95());
      w.put("p99", q.p99());
    }
    ProfileSketch s = p.sketch();
    o.put("telemetry_samples", s == null ? 0 : s.queueSamples());
    Wire.time(o, "updated_at", p.updatedAt());
    return o;
  }

  /** {@code tool_get_all_calibrations}: {@code {count, environments:[summary…]}} by sorted cluster id. */
  public ToolResult allCalibrations(ToolArguments args) {
    ObjectNode data = Wire.object();
    ArrayNode envs = data.putArray("environments");
    Map<String, EnvironmentState> states = trackers.states();
    states.values().forEach(s -> envs.add(summary(s)));
    data.put("count", states.size());
    return ToolResult.ok(data);
  }

  /** The calibration summary shared by the score and all-calibrations tools. */
  static ObjectNode summary(EnvironmentState s) {
    ObjectNode o = Wire.object();
    o.put("cluster_id", s.envId());
    Wire.number(o, "calibration_score", s.calibrationScore());
    o.put("action_scope", s.scope().name());
    o.put("sample_count", s.sampleCount());
    o.put("is_learning_mode", s.learning());
    Wire.number(o, "ece", s.windowEce());
    Wire.interval(o, "ece_ci", s.windowEceInterval());
    o.put("ece_ci_level", s.windowEceInterval().level());
    o.put("qualified_tier", s.tier().tier());
    DriftCheck d = s.drift();
    o.put("drift_severity", d == null ? INSUFFICIENT_DATA : d.assessment().severity().name());
    o.put("machine_state", s.machineState().name());
    o.put("recalibration_required", s.recalibrationRequired());
    Wire.time(o, "last_update", s.lastUpdate());
    return o;
  }

  private static ObjectNode profileJson(String id, Optional<EnvironmentProfile> p) {
    ObjectNode o = Wire.object();
    o.put("cluster_id", id);
    o.put("found", p.isPresent());
    if (p.isPresent()) {
      o.set("metrics", p.get().metrics());
      o.put("updated_at", p.get().updatedAt().toString());
    } else {
      o.putNull("metrics");
      o.putNull("updated_at");
    }
    return o;
  }
}
