package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.gate.ActionOutcome;
import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.gate.PriorityLevel;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers of the actor tools. The two that change the scheduler ({@code tool_requeue_job},
 * {@code tool_adjust_priority}) go only through {@link GatedActions}, and follow the design's gated execution:
 *
 * <ul>
 *   <li>ESCALATE: nothing is executed; the gate's reason (e.g. "Low calibration (0.45) for cluster X") goes to a
 *       human as an escalation, and the data is {@code {executed:false, reason, action_scope, …}};
 *   <li>NOTIFY: executed, then "Action taken with moderate confidence: …" is posted to the alert channel, and the
 *       data says {@code notified_human:true} (false when the notifier failed);
 *   <li>AUTONOMOUS: executed;
 *   <li>DENY (tier or threshold not met): nothing is executed, the reason says why.
 * </ul>
 *
 * The three that only talk to humans ({@code tool_send_slack_notification}, {@code tool_create_alert},
 * {@code tool_escalate_to_human}) go to the {@link Notifier}. A notifier that throws is logged and reported in the
 * result; it never changes a gate decision.
 */
public final class ActorTools {
  private static final Logger LOG = LoggerFactory.getLogger(ActorTools.class);

  /** The design's alert channel. */
  public static final String DEFAULT_ALERT_CHANNEL = "#gpu-alerts";

  private final @Nullable GatedActions gated;
  private final JobDirectory jobs;
  private final Notifier sink;
  private final String alertChannel;

  /**
   * @param gated the only path to the scheduler; null when no scheduler is wired (the gated tools then fail)
   * @param jobs where a job's cluster and latest probability are found
   * @param sink where messages, alerts and escalations go
   * @param alertChannel the channel of alerts, escalations and NOTIFY notes
   */
  public ActorTools(@Nullable GatedActions gated, JobDirectory jobs, Notifier sink, String alertChannel) {
    if (alertChannel.isBlank()) {
      throw new IllegalArgumentException("alertChannel must not be blank but was '" + alertChannel + "'");
    }
    this.gated = gated;
    this.jobs = jobs;
    this.sink = sink;
    this.alertChannel = alertChannel;
  }

  /** {@code tool_requeue_job}. */
  public ToolResult requeue(ToolArguments args) {
    String target = args.string("target_queue");
    return gatedCall(args.string("job_id"), "requeue",
        job -> gated().requeue(job.clusterId(), job.jobId(), job.probability(), target),
        job -> "requeue job " + job.jobId() + " to " + target + " (cluster " + job.clusterId() + ")");
  }

  /** {@code tool_adjust_priority}. */
  public ToolResult adjustPriority(ToolArguments args) {
    PriorityLevel level = PriorityLevel.valueOf(args.string("priority").toUpperCase(Locale.ROOT));
    return gatedCall(args.string("job_id"), "adjust_priority",
        job -> gated().adjustPriority(job.clusterId(), job.jobId(), job.probability(), level),
        job -> "set priority of job " + job.jobId() + " to " + level.name().toLowerCase(Locale.ROOT)
            + " (cluster " + job.clusterId() + ")");
  }

  /** {@code tool_send_slack_notification}. */
  public ToolResult sendNotification(ToolArguments args) {
    String channel = args.string("channel");
    Optional<String> failure = deliver(Alert.message(channel, args.string("message")));
    if (failure.isPresent()) {
      return ToolResult.failure("Notification to " + channel + " failed: " + failure.get());
    }
    ObjectNode data = Wire.object();
    data.put("delivered", true);
    data.put("channel", channel);
    return ToolResult.ok(data);
  }

  /** {@code tool_create_alert}. */
  public ToolResult createAlert(ToolArguments args) {
    AlertSeverity severity = AlertSeverity.fromWireName(args.string("severity"));
    Optional<String> failure = deliver(Alert.alert(alertChannel, severity, args.string("message")));
    if (failure.isPresent()) {
      return ToolResult.failure("Alert to " + alertChannel + " failed: " + failure.get());
    }
    ObjectNode data = Wire.object();
    data.put("delivered", true);
    data.put("channel", alertChannel);
    data.put("severity", severity.name());
    return ToolResult.ok(data);
  }

  /** {@code tool_escalate_to_human}. */
  public ToolResult escalate(ToolArguments args) {
    String reason = args.string("reason");
    Optional<String> failure = deliver(Alert.escalation(alertChannel, reason, args.object("context")));
    if (failure.isPresent()) {
      return ToolResult.failure("Escalation to " + alertChannel + " failed: " + failure.get());
    }
    ObjectNode data = Wire.object();
    data.put("escalated", true);
    data.put("channel", alertChannel);
    data.put("reason", reason);
    return ToolResult.ok(data);
  }

  private GatedActions gated() {
    if (gated == null) {
      throw new IllegalStateException("no scheduler is wired: scheduler actions are unavailable");
    }
    return gated;
  }

  private ToolResult gatedCall(
      String jobId, String action, Function<JobContext, ActionOutcome> run, Function<JobContext, String> what) {
    if (gated == null) {
      return ToolResult.failure("No scheduler is wired: " + action + " of job " + jobId + " is unavailable");
    }
    Optional<JobContext> found;
    try {
      found = jobs.find(jobId);
    } catch (RuntimeException e) {
      LOG.warn("Job directory failed for job {}", jobId, e);
      return ToolResult.failure("Job lookup failed for job " + jobId + ": " + e);
    }
    if (found.isEmpty()) {
      return ToolResult.failure("Unknown job '" + jobId + "': no cluster or prediction on record");
    }
    JobContext job = found.get();
    ActionOutcome outcome = run.apply(job);
    GateDecision d = outcome.decision();
    String description = what.apply(job);
    if (outcome.failed()) {
      return ToolResult.failure(String.format(Locale.ROOT,
          "The gate allowed %s (%s, scope %s) but the scheduler failed: %s",
          description, d.decision().wireName(), d.scope(), outcome.executionError()));
    }
    ObjectNode data = Wire.object();
    data.put("executed", outcome.executed());
    data.put("decision", d.decision().wireName());
    data.put("reason", d.reason());
    data.put("action_scope", d.scope().name());
    data.put("job_id", job.jobId());
    data.put("cluster_id", job.clusterId());
    data.put("action", d.action().wireName());
    data.put("tier", d.tier());
    if (d.decision() == Decision.ESCALATE) {
      Optional<String> failure = deliver(Alert.escalation(alertChannel, d.reason(), escalationContext(d, job,
          description)));
      data.put("escalated_to_human", failure.isEmpty());
      failure.ifPresent(f -> data.put("escalation_error", f));
    } else if (d.decision() == Decision.EXECUTE_AND_NOTIFY) {
      Optional<String> failure = deliver(Alert.message(alertChannel,
          "Action taken with moderate confidence: " + description));
      data.put("notified_human", failure.isEmpty());
      failure.ifPresent(f -> data.put("notification_error", f));
    } else {
      data.put("notified_human", false);
    }
    return ToolResult.ok(data);
  }

  private static ObjectNode escalationContext(GateDecision d, JobContext job, String description) {
    ObjectNode c = Wire.object();
    c.put("job_id", job.jobId());
    c.put("cluster_id", job.clusterId());
    c.put("proposed_action", description);
    c.put("action", d.action().wireName());
    c.put("tier", d.tier());
    Wire.number(c, "p", job.probability());
    c.put("gate_state", d.state().name());
    CalibrationEvidence e = d.evidence();
    if (e != null) {
      Wire.number(c, "calibration_score", e.calibrationScore());
      c.put("sample_count", e.sampleCount());
      Wire.number(c, "ece", e.ece());
    }
    return c;
  }

  /** Delivers {@code alert}; the notifier's failure (logged) as text, or empty when it was delivered. */
  private Optional<String> deliver(Alert alert) {
    try {
      sink.deliver(alert);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("Notifier failed to deliver a {} to {}", alert.kind(), alert.channel(), e);
      return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
