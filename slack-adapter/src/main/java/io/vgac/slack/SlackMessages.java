package io.vgac.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.tools.Alert;
import io.vgac.agents.tools.AlertKind;
import io.vgac.agents.tools.AlertSeverity;
import io.vgac.agents.tools.WaitText;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Block Kit messages of the design, as incoming-webhook payloads ({@code {channel, text, blocks}}); pure
 * functions, no I/O.
 *
 * <ul>
 *   <li><b>Prediction</b> (a MESSAGE alert from {@link #prediction}): "✅ Job `ID` will start in approximately
 *       *M minutes* (calibration: 91%)" — ✅ when the calibration score is above 0.85, ⚠️ above 0.60, ❓ otherwise;
 *       from a {@link WaitPrediction} with an interval ({@link #prediction(String, WaitPrediction, double, double)}):
 *       "✅ Job 42 will start in ~45 min (80% interval 12–95 min; calibration 91%)" (agents-api's {@link WaitText}).
 *   <li><b>Escalation</b>: "🚨 *Human Review Needed*", the reason, the context as fields, and a button with action id
 *       {@value #ACKNOWLEDGE_ESCALATION}; when the context carries an {@code approval_id}, also approve and deny
 *       buttons whose action ids are {@value #APPROVE_PREFIX}{@code <id>} and {@value #DENY_PREFIX}{@code <id>}.
 *   <li><b>Alert</b>: the severity's emoji and name, then the text.
 *   <li><b>Message</b>: the text, with job, owner and queue (when the context has them) in a context block.
 *   <li><b>Pending approval</b> ({@link #pendingApproval}): the escalation form with approve/deny buttons.
 * </ul>
 *
 * Dynamic text is escaped for mrkdwn ({@code & < >}) and cut to Block Kit's limits.
 */
public final class SlackMessages {
  /** The design's action id of the escalation button. */
  public static final String ACKNOWLEDGE_ESCALATION = "acknowledge_escalation";
  /** Action id prefix of the approve button; the approval id follows. */
  public static final String APPROVE_PREFIX = "vgac_approve:";
  /** Action id prefix of the deny button; the approval id follows. */
  public static final String DENY_PREFIX = "vgac_deny:";
  /** The design's escalation heading. */
  public static final String HUMAN_REVIEW_NEEDED = "🚨 *Human Review Needed*";

  /** Context keys that make a MESSAGE alert a prediction message. */
  public static final String JOB_ID = "job_id";
  public static final String ESTIMATED_WAIT_MINUTES = "estimated_wait_minutes";
  public static final String CALIBRATION_SCORE = "calibration_score";
  public static final String APPROVAL_ID = "approval_id";
  /** Context key of the full sentence of a prediction with an interval ({@link WaitText}). */
  public static final String PREDICTION_TEXT = "prediction_text";
  /** Context keys of the interval, in seconds, and its nominal coverage. */
  public static final String INTERVAL_LO_SECONDS = "interval_lo_seconds";
  public static final String INTERVAL_HI_SECONDS = "interval_hi_seconds";
  public static final String INTERVAL_COVERAGE = "interval_coverage";

  /** Block Kit limits: section text, field text, action id, fields per section. */
  static final int MAX_TEXT = 3000;
  static final int MAX_FIELD = 2000;
  static final int MAX_ACTION_ID = 255;
  static final int MAX_FIELDS = 10;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SlackMessages() {}

  /**
   * A prediction message for the notifier: a MESSAGE alert whose context carries the job, the estimated wait in
   * minutes and the calibration score.
   *
   * @throws IllegalArgumentException when the score is not in [0, 1] or the wait is negative
   */
  public static Alert prediction(String channel, String jobId, Duration estimatedWait, double calibrationScore) {
    if (!(calibrationScore >= 0 && calibrationScore <= 1)) {
      throw new IllegalArgumentException("calibrationScore must be in [0, 1] but was " + calibrationScore);
    }
    if (estimatedWait.isNegative()) {
      throw new IllegalArgumentException("estimatedWait must be ≥ 0 but was " + estimatedWait);
    }
    ObjectNode c = MAPPER.createObjectNode();
    c.put(JOB_ID, jobId);
    c.put(ESTIMATED_WAIT_MINUTES, estimatedWait.toSeconds() / 60.0);
    c.put(CALIBRATION_SCORE, calibrationScore);
    return new Alert(AlertKind.MESSAGE, channel, AlertSeverity.INFO, predictionText(jobId, estimatedWait.toSeconds()
        / 60.0, calibrationScore), c);
  }

  /**
   * A prediction message with its interval: the context carries the job, the estimated wait in minutes, the
   * calibration score, the interval and the {@link WaitText} sentence, which is what the message shows.
   *
   * @param realisedCoverage the environment's realised interval coverage, NaN when unknown
   * @throws IllegalArgumentException when the score is not in [0, 1]
   */
  public static Alert prediction(String channel, WaitPrediction p, double realisedCoverage,
      double calibrationScore) {
    Alert plain = prediction(channel, p.jobId(), p.estimatedWait(), calibrationScore);
    ObjectNode c = plain.context();
    WaitInterval i = p.interval();
    if (i != null) {
      c.put(INTERVAL_LO_SECONDS, i.lo());
      c.put(INTERVAL_HI_SECONDS, i.hi());
      c.put(INTERVAL_COVERAGE, i.coverage());
    }
    String text = WaitText.prediction(p, realisedCoverage, calibrationScore);
    c.put(PREDICTION_TEXT, text);
    return new Alert(AlertKind.MESSAGE, channel, AlertSeverity.INFO, confidenceEmoji(calibrationScore) + " " + text,
        c);
  }

  /** ✅ above 0.85, ⚠️ above 0.60, ❓ otherwise (the design's strict comparisons). */
  public static String confidenceEmoji(double calibrationScore) {
    if (calibrationScore > 0.85) {
      return "✅";
    }
    if (calibrationScore > 0.60) {
      return "⚠️";
    }
    return "❓";
  }

  /** "✅ Job `ID` will start in approximately *M minutes* (calibration: 91%)". */
  public static String predictionText(String jobId, double minutes, double calibrationScore) {
    long m = Math.round(minutes);
    return confidenceEmoji(calibrationScore) + " Job `" + escape(jobId) + "` will start in approximately *" + m
        + (m == 1 ? " minute" : " minutes") + "* (calibration: " + Math.round(calibrationScore * 100) + "%)";
  }

  /** The webhook payload of {@code alert}. */
  public static ObjectNode payload(Alert alert) {
    ObjectNode context = alert.context();
    switch (alert.kind()) {
      case ESCALATION:
        return escalation(alert, context);
      case ALERT:
        return simple(alert.channel(), severityEmoji(alert.severity()) + " *" + title(alert.severity()) + " alert*\n"
            + escape(alert.message()), context);
      default:
        Optional<String> prediction = predictionOf(context);
        if (prediction.isPresent()) {
          return simple(alert.channel(), prediction.get(), MAPPER.createObjectNode());
        }
        return simple(alert.channel(), escape(alert.message()), context);
    }
  }

  /** The payload asking a human to approve or deny {@code approval}, posted to {@code channel}. */
  public static ObjectNode pendingApproval(PendingApproval approval, String channel) {
    ObjectNode root = root(channel, "Human review needed: " + approval.action().wireName() + " job "
        + approval.jobId());
    ArrayNode blocks = root.putArray("blocks");
    blocks.add(section(HUMAN_REVIEW_NEEDED + "\n" + escape(approval.reason())));
    ObjectNode fields = MAPPER.createObjectNode();
    fields.put("job_id", approval.jobId());
    fields.put("cluster_id", approval.envId());
    fields.put("action", approval.action().wireName());
    for (Map.Entry<String, String> e : approval.parameters().entrySet()) {
      fields.put(e.getKey(), e.getValue());
    }
    if (!Double.isNaN(approval.p())) {
      fields.put("p", approval.p());
    }
    fields.put("evidence", approval.evidenceSummary());
    fields.put("expires_at", approval.expiresAt().toString());
    fields.put(APPROVAL_ID, approval.id());
    addFields(blocks, fields);
    ArrayNode buttons = actions(blocks);
    addDecisionButtons(buttons, approval.id());
    return root;
  }

  private static ObjectNode escalation(Alert alert, ObjectNode context) {
    ObjectNode root = root(alert.channel(), "Human review needed: " + alert.message());
    ArrayNode blocks = root.putArray("blocks");
    blocks.add(section(HUMAN_REVIEW_NEEDED + "\n" + escape(alert.message())));
    addFields(blocks, context);
    ArrayNode buttons = actions(blocks);
    String approvalId = text(context.get(APPROVAL_ID));
    String jobId = text(context.get(JOB_ID));
    ObjectNode ack = button("Acknowledge", ACKNOWLEDGE_ESCALATION,
        approvalId != null ? approvalId : jobId != null ? jobId : "escalation");
    buttons.add(ack);
    if (approvalId != null) {
      addDecisionButtons(buttons, approvalId);
    }
    return root;
  }

  private static void addDecisionButtons(ArrayNode buttons, String approvalId) {
    if (APPROVE_PREFIX.length() + approvalId.length() > MAX_ACTION_ID) {
      return; // an id Slack cannot carry back: the approval is decided elsewhere (CLI, queue file)
    }
    buttons.add(button("Approve", APPROVE_PREFIX + approvalId, approvalId).put("style", "primary"));
    buttons.add(button("Deny", DENY_PREFIX + approvalId, approvalId).put("style", "danger"));
  }

  private static ObjectNode simple(String channel, String mrkdwn, ObjectNode context) {
    ObjectNode root = root(channel, mrkdwn);
    ArrayNode blocks = root.putArray("blocks");
    blocks.add(section(mrkdwn));
    StringBuilder about = new StringBuilder();
    for (String key : new String[] {JOB_ID, "cluster_id", "owner", "queue"}) {
      String v = text(context.get(key));
      if (v != null) {
        if (about.length() > 0) {
          about.append(" · ");
        }
        about.append(key).append(": ").append(escape(v));
      }
    }
    if (about.length() > 0) {
      ObjectNode block = blocks.addObject();
      block.put("type", "context");
      block.putArray("elements").addObject().put("type", "mrkdwn").put("text", cut(about.toString(), MAX_FIELD));
    }
    return root;
  }

  private static Optional<String> predictionOf(ObjectNode context) {
    JsonNode job = context.get(JOB_ID);
    JsonNode wait = context.get(ESTIMATED_WAIT_MINUTES);
    JsonNode score = context.get(CALIBRATION_SCORE);
    if (job == null || !job.isTextual() || wait == null || !wait.isNumber() || score == null || !score.isNumber()) {
      return Optional.empty();
    }
    JsonNode text = context.get(PREDICTION_TEXT);
    if (text != null && text.isTextual()) {
      return Optional.of(confidenceEmoji(score.asDouble()) + " " + escape(text.asText()));
    }
    return Optional.of(predictionText(job.asText(), wait.asDouble(), score.asDouble()));
  }

  private static ObjectNode root(String channel, String fallback) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("channel", channel);
    root.put("text", cut(fallback, MAX_TEXT)); // the notification text, and what clients without blocks show
    return root;
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode s = MAPPER.createObjectNode();
    s.put("type", "section");
    s.putObject("text").put("type", "mrkdwn").put("text", cut(mrkdwn, MAX_TEXT));
    return s;
  }

  private static void addFields(ArrayNode blocks, ObjectNode context) {
    ArrayNode fields = MAPPER.createArrayNode();
    for (Map.Entry<String, JsonNode> e : context.properties()) {
      if (fields.size() == MAX_FIELDS) {
        break;
      }
      JsonNode v = e.getValue();
      String value = v.isValueNode() ? v.asText() : v.toString();
      fields.addObject().put("type", "mrkdwn").put("text", cut("*" + escape(e.getKey()) + ":*\n" + escape(value),
          MAX_FIELD));
    }
    if (!fields.isEmpty()) {
      ObjectNode s = blocks.addObject();
      s.put("type", "section");
      s.set("fields", fields);
    }
  }

  private static ArrayNode actions(ArrayNode blocks) {
    ObjectNode a = blocks.addObject();
    a.put("type", "actions");
    return a.putArray("elements");
  }

  private static ObjectNode button(String label, String actionId, String value) {
    ObjectNode b = MAPPER.createObjectNode();
    b.put("type", "button");
    b.putObject("text").put("type", "plain_text").put("text", label);
    b.put("action_id", actionId);
    b.put("value", cut(value, MAX_FIELD));
    return b;
  }

  private static String severityEmoji(AlertSeverity s) {
    switch (s) {
      case CRITICAL:
        return "🔥";
      case WARNING:
        return "⚠️";
      default:
        return "ℹ️";
    }
  }

  private static String title(AlertSeverity s) {
    String n = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static @org.jspecify.annotations.Nullable String text(@org.jspecify.annotations.Nullable JsonNode n) {
    return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
  }

  /** Slack's mrkdwn escaping: the three control characters. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--; // never split a surrogate pair
    }
    return s.substring(0, end) + "…";
  }
}
