package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.model.AgentsJson;
import java.util.List;

/**
 * The fifteen tools of the design, under their exact names and parameters: specifications only (name, agent,
 * description, schema). {@link AgentTools} pairs them with handlers.
 */
public final class ToolCatalog {
  public static final String GET_CLUSTER_STATE = "tool_get_cluster_state";
  public static final String GET_QUEUE_DEPTH = "tool_get_queue_depth";
  public static final String DETECT_ANOMALY = "tool_detect_anomaly";
  public static final String PREDICT_WAIT_TIME = "tool_predict_wait_time";
  public static final String GET_CALIBRATION_SCORE = "tool_get_calibration_score";
  public static final String GET_ENVIRONMENT_PROFILE = "tool_get_environment_profile";
  public static final String SEND_SLACK_NOTIFICATION = "tool_send_slack_notification";
  public static final String REQUEUE_JOB = "tool_requeue_job";
  public static final String ADJUST_PRIORITY = "tool_adjust_priority";
  public static final String CREATE_ALERT = "tool_create_alert";
  public static final String ESCALATE_TO_HUMAN = "tool_escalate_to_human";
  public static final String CHECK_CALIBRATION_DRIFT = "tool_check_calibration_drift";
  public static final String TRIGGER_RECALIBRATION = "tool_trigger_recalibration";
  public static final String UPDATE_ENVIRONMENT_PROFILE = "tool_update_environment_profile";
  public static final String GET_ALL_CALIBRATIONS = "tool_get_all_calibrations";

  /** The values of {@code tool_detect_anomaly}'s {@code metric}. */
  public static final List<String> METRICS = List.of("queue_depth", "gpu_util", "memory");
  /** The values of {@code tool_adjust_priority}'s {@code priority}. */
  public static final List<String> PRIORITIES = List.of("low", "normal", "high", "critical");
  /** The values of {@code tool_create_alert}'s {@code severity}. */
  public static final List<String> SEVERITIES = List.of("info", "warning", "critical");

  private static final String CLUSTER = "The environment: an EKS cluster, a Slurm cluster or an AWS Batch compute "
      + "environment, as the telemetry names it.";
  private static final String JOB = "The scheduler's job id.";

  public static final ToolSpec GET_CLUSTER_STATE_SPEC = new ToolSpec(GET_CLUSTER_STATE, AgentRole.OBSERVER,
      "Current state of a cluster: scheduler type, nodes, GPUs total and available, GPU utilisation, pending and "
          + "running jobs, queue depth and when it was observed.",
      ParameterSchema.object().id("cluster_id", CLUSTER).build());

  public static final ToolSpec GET_QUEUE_DEPTH_SPEC = new ToolSpec(GET_QUEUE_DEPTH, AgentRole.OBSERVER,
      "Jobs ahead of a newly submitted one in a cluster (Slurm: pending in the partition; Kubernetes: "
          + "unschedulable pods; Batch: RUNNABLE jobs), with the time it was observed.",
      ParameterSchema.object().id("cluster_id", CLUSTER).build());

  public static final ToolSpec DETECT_ANOMALY_SPEC = new ToolSpec(DETECT_ANOMALY, AgentRole.OBSERVER,
      "Whether one metric of a cluster (queue depth, GPU utilisation or memory) is anomalous against the cluster's "
          + "learned profile (hour-of-week median plus a robust level, MAD scale): anomaly (bool), status (NORMAL, "
          + "ANOMALY or WARMING_UP while the profile has under two weeks of history), score (robust deviations), "
          + "expected {lo, hi, value} and a one-line explanation.",
      ParameterSchema.object()
          .id("cluster_id", CLUSTER)
          .oneOf("metric", "The metric to check.", METRICS.toArray(String[]::new))
          .build());

  public static final ToolSpec PREDICT_WAIT_TIME_SPEC = new ToolSpec(PREDICT_WAIT_TIME, AgentRole.PREDICTOR,
      "Predicted queue wait of a job: probability of a long wait, estimated wait, the model version, and the "
          + "cluster's calibration score and action scope. Under the ESCALATE scope (low calibration or learning "
          + "mode) no value is returned: \"Predictions unreliable for this environment\". Under NOTIFY the "
          + "prediction is flagged uncertain.",
      ParameterSchema.object().id("job_id", JOB).id("cluster_id", CLUSTER).build());

  public static final ToolSpec GET_CALIBRATION_SCORE_SPEC = new ToolSpec(GET_CALIBRATION_SCORE, AgentRole.PREDICTOR,
      "How far the cluster's predictions can be trusted now: calibration score clamp(1 − 5·ECE, 0, 1), action "
          + "scope (AUTONOMOUS > 0.85, NOTIFY > 0.60, else ESCALATE; ESCALATE below 50 samples), sample count, "
          + "learning mode, window ECE and its interval, qualified intervention tier (0–4) and the autonomy state. "
          + "An unknown cluster reports score 0.5, 0 samples, learning, ESCALATE.",
      ParameterSchema.object().id("cluster_id", CLUSTER).build());

  public static final ToolSpec GET_ENVIRONMENT_PROFILE_SPEC = new ToolSpec(GET_ENVIRONMENT_PROFILE,
      AgentRole.PREDICTOR,
      "The profile of a cluster: the metrics stored by tool_update_environment_profile and when they were "
          + "updated, and (when configured) the learned profile: avg_queue_depth, avg_gpu_utilization, peak_hours, "
          + "typical_wait_minutes and wait quantiles (p50/p90/p95/p99 minutes); found is false when neither exists.",
      ParameterSchema.object().id("cluster_id", CLUSTER).build());

  public static final ToolSpec SEND_SLACK_NOTIFICATION_SPEC = new ToolSpec(SEND_SLACK_NOTIFICATION, AgentRole.ACTOR,
      "Posts a message to a chat channel (Slack), e.g. #gpu-alerts. Does not change the scheduler.",
      ParameterSchema.object()
          .id("channel", "The channel, e.g. #gpu-alerts.")
          .text("message", "The message text (Slack mrkdwn).")
          .build());

  public static final ToolSpec REQUEUE_JOB_SPEC = new ToolSpec(REQUEUE_JOB, AgentRole.ACTOR,
      "Moves a pending job to another queue (Slurm partition, Batch job queue, Kubernetes queue). Gated: runs only "
          + "when the job's cluster is calibrated well enough (tier 4); otherwise escalated to a human or denied, "
          + "and the result says which and why (executed, decision, reason, action_scope).",
      ParameterSchema.object().id("job_id", JOB).id("target_queue", "The queue to move the job to.").build());

  public static final ToolSpec ADJUST_PRIORITY_SPEC = new ToolSpec(ADJUST_PRIORITY, AgentRole.ACTOR,
      "Changes a pending job's priority. Gated like tool_requeue_job (tier 4): the result says whether it was "
          + "executed, escalated or denied, and why.",
      ParameterSchema.object()
          .id("job_id", JOB)
          .oneOf("priority", "The new priority, mapped to the scheduler's own scale.",
              PRIORITIES.toArray(String[]::new))
          .build());

  public static final ToolSpec CREATE_ALERT_SPEC = new ToolSpec(CREATE_ALERT, AgentRole.ACTOR,
      "Raises an operational alert of the given severity on the alert channel. Does not change the scheduler.",
      ParameterSchema.object()
          .oneOf("severity", "How urgent the alert is.", SEVERITIES.toArray(String[]::new))
          .text("message", "What happened.")
          .build());

  public static final ToolSpec ESCALATE_TO_HUMAN_SPEC = new ToolSpec(ESCALATE_TO_HUMAN, AgentRole.ACTOR,
      "Asks a human to review: posts \"Human Review Needed\" with the reason and the context. Use it when the "
          + "calibration is too low to act, or when unsure.",
      ParameterSchema.object()
          .text("reason", "Why a human is needed, e.g. \"Low calibration (0.45) for cluster X\".")
          .object("context", "Anything that helps the reviewer: job id, cluster id, proposed action, scores.",
              AgentsJson.mapper().createObjectNode())
          .build());

  public static final ToolSpec CHECK_CALIBRATION_DRIFT_SPEC = new ToolSpec(CHECK_CALIBRATION_DRIFT,
      AgentRole.CALIBRATOR,
      "Calibration drift of a cluster by the ECE ratio against its baseline: drift_status {severity NONE ≤ 1.5× < "
          + "MODERATE ≤ 2× < SIGNIFICANT ≤ 5× < CRITICAL, action CONTINUE / MONITOR / REDUCE_AUTONOMY / "
          + "TRIGGER_RECALIBRATION, message, drift_ratio}, current_calibration_score and sample_count. Severity is "
          + "INSUFFICIENT_DATA while the window is empty or has no baseline.",
      ParameterSchema.object().id("cluster_id", CLUSTER).build());

  public static final ToolSpec TRIGGER_RECALIBRATION_SPEC = new ToolSpec(TRIGGER_RECALIBRATION,
      AgentRole.CALIBRATOR,
      "Records a recalibration of a known cluster on its tracker: autonomy is capped at NOTIFY until enough fresh "
          + "outcomes show the calibration holds. Returns the method and calibrator version recorded and the new "
          + "autonomy state.",
      ParameterSchema.object()
          .id("cluster_id", CLUSTER)
          .text("reason", "Why, e.g. \"ECE increased 3.3× from baseline\".")
          .build());

  public static final ToolSpec UPDATE_ENVIRONMENT_PROFILE_SPEC = new ToolSpec(UPDATE_ENVIRONMENT_PROFILE,
      AgentRole.CALIBRATOR,
      "Stores descriptive metrics in a cluster's profile (merged into what is stored; other members are kept). "
          + "Does not change the calibration tracker, which learns only from outcomes.",
      ParameterSchema.object()
          .id("cluster_id", CLUSTER)
          .object("metrics", "Profile metrics, e.g. ece, sample_count, avg_queue_depth, avg_gpu_utilization, "
              + "peak_hours, typical_wait_minutes; other members are stored as given.", metricsShape())
          .build());

  public static final ToolSpec GET_ALL_CALIBRATIONS_SPEC = new ToolSpec(GET_ALL_CALIBRATIONS,
      AgentRole.CALIBRATOR,
      "Calibration summary of every known cluster: score, scope, sample count, learning mode, ECE, qualified tier, "
          + "drift severity and autonomy state.",
      ParameterSchema.object().build());

  private static final List<ToolSpec> ALL = List.of(
      GET_CLUSTER_STATE_SPEC, GET_QUEUE_DEPTH_SPEC, DETECT_ANOMALY_SPEC,
      PREDICT_WAIT_TIME_SPEC, GET_CALIBRATION_SCORE_SPEC, GET_ENVIRONMENT_PROFILE_SPEC,
      SEND_SLACK_NOTIFICATION_SPEC, REQUEUE_JOB_SPEC, ADJUST_PRIORITY_SPEC, CREATE_ALERT_SPEC,
      ESCALATE_TO_HUMAN_SPEC,
      CHECK_CALIBRATION_DRIFT_SPEC, TRIGGER_RECALIBRATION_SPEC, UPDATE_ENVIRONMENT_PROFILE_SPEC,
      GET_ALL_CALIBRATIONS_SPEC);

  private ToolCatalog() {}

  /** The fifteen specifications, in the design's order (observer, predictor, actor, calibrator). */
  public static List<ToolSpec> all() {
    return ALL;
  }

  /** The specification named {@code name}. */
  public static ToolSpec spec(String name) {
    for (ToolSpec s : ALL) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Not a tool of the catalog: '" + name + "'");
  }

  private static ObjectNode metricsShape() {
    ObjectNode shape = AgentsJson.mapper().createObjectNode();
    shape.put("minProperties", 1);
    ObjectNode p = shape.putObject("properties");
    p.putObject("ece").put("type", "number").put("minimum", 0).put("maximum", 1);
    p.putObject("sample_count").put("type", "integer").put("minimum", 0);
    p.putObject("avg_queue_depth").put("type", "number").put("minimum", 0);
    p.putObject("avg_gpu_utilization").put("type", "number").put("minimum", 0).put("maximum", 1);
    ObjectNode hours = p.putObject("peak_hours");
    hours.put("type", "array");
    hours.putObject("items").put("type", "integer").put("minimum", 0).put("maximum", 23);
    p.putObject("typical_wait_minutes").put("type", "number").put("minimum", 0);
    return shape;
  }
}
