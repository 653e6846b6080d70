package io.vgac.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovedActionExecutor;
import io.vgac.agents.approvals.ApprovedExecution;
import io.vgac.slack.InteractionResult.Outcome;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles Slack's interaction requests (button clicks on the messages of {@link SlackMessages}): a function from the
 * request's headers and raw body to an {@link InteractionResult}, whose {@link InteractionResult#httpStatus()} is
 * the answer. {@link SlackInteractionServer} puts it behind a JDK HTTP endpoint.
 *
 * <p><b>Checks, in order</b> (the first that fails decides):
 *
 * <ol>
 *   <li>{@code X-Slack-Request-Timestamp} present, numeric and within {@link SlackConfig#maxRequestAge()} (5 min)
 *       of the injected clock, either way → else REJECTED_STALE (401);
 *   <li>{@code X-Slack-Signature} equal, in constant time, to {@link SlackSignatures#sign} of the timestamp and the
 *       raw body with the signing secret → else REJECTED_SIGNATURE (401);
 *   <li>the signature not seen before within the window → else REJECTED_REPLAY (401);
 *   <li>a form body with a {@code payload} field holding the JSON of a {@code block_actions} interaction, with a
 *       user and an action → else MALFORMED (400) (another interaction type is IGNORED).
 * </ol>
 *
 * <p><b>Actions.</b> {@code vgac_approve:<id>} approves the approval in the {@link ApprovalQueue} on behalf of
 * {@code slack:<user id>} and, when that applied, hands it to the {@link ApprovedActionExecutor}, which re-checks
 * the job and runs the action through the gate (which may still refuse it); {@code vgac_deny:<id>} denies it;
 * {@value SlackMessages#ACKNOWLEDGE_ESCALATION} acknowledges an escalation (logged, and passed to the optional
 * acknowledgement callback). A refusal by the queue (already decided, expired, unknown) is NOT_DECIDED; a queue
 * that throws is FAILED (500).
 *
 * <p>Thread-safe. The replay memory holds one entry per accepted request for the window (entries older than the
 * window are evicted on each call).
 */
public final class SlackInteractionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SlackInteractionHandler.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String signingSecret;
  private final long maxAgeSeconds;
  private final ApprovalQueue approvals;
  private final ApprovedActionExecutor executor;
  private final Clock clock;
  private final Consumer<InteractionResult> acknowledgements;
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();

  /**
   * @param config must have a signing secret
   * @param approvals where approvals are decided
   * @param executor carries approved actions out through the gate
   * @param clock the clock the timestamps are checked against
   * @param acknowledgements told of each ACKNOWLEDGED result (guarded: a failure is logged and dropped)
   * @throws IllegalArgumentException when {@code config} has no signing secret
   */
  public SlackInteractionHandler(SlackConfig config, ApprovalQueue approvals, ApprovedActionExecutor executor,
      Clock clock, Consumer<InteractionResult> acknowledgements) {
    this.signingSecret = config.signingSecret().orElseThrow(() -> new IllegalArgumentException(
        "signingSecret is required for interactive approvals (" + SlackConfig.ENV_SIGNING_SECRET + ")"));
    this.maxAgeSeconds = config.maxRequestAge().toSeconds();
    this.approvals = approvals;
    this.executor = executor;
    this.clock = clock;
    this.acknowledgements = acknowledgements;
  }

  /** As the full constructor, with no acknowledgement callback. */
  public SlackInteractionHandler(SlackConfig config, ApprovalQueue approvals, ApprovedActionExecutor executor,
      Clock clock) {
    this(config, approvals, executor, clock, r -> {});
  }

  /** Deciding through {@code agents}' approval queue and approved-action executor, on its clock. */
  public static SlackInteractionHandler forAgents(SlackConfig config, Agents agents) {
    return new SlackInteractionHandler(config, agents.approvals(), agents.approvedActions(), agents.clock());
  }

  /**
   * Handles one request.
   *
   * @param headers the request headers (names in any case; the first value of each)
   * @param rawBody the body exactly as received (the signature covers its bytes)
   */
  public InteractionResult handle(Map<String, String> headers, String rawBody) {
    String ts = header(headers, SlackSignatures.TIMESTAMP_HEADER);
    long at;
    try {
      at = Long.parseLong(ts == null ? "" : ts.strip());
    } catch (NumberFormatException e) {
      return reject(Outcome.REJECTED_STALE, "missing or unreadable " + SlackSignatures.TIMESTAMP_HEADER);
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - at) > maxAgeSeconds) {
      return reject(Outcome.REJECTED_STALE, "request timestamp " + at + " is more than " + maxAgeSeconds
          + " s from now (" + now + ")");
    }
    String signature = header(headers, SlackSignatures.SIGNATURE_HEADER);
    if (signature == null || !SlackSignatures.matches(signingSecret, ts.strip(), rawBody, signature.strip())) {
      return reject(Outcome.REJECTED_SIGNATURE, signature == null
          ? "missing " + SlackSignatures.SIGNATURE_HEADER : "signature does not match the body");
    }
    evictOlderThan(now - maxAgeSeconds);
    if (seen.putIfAbsent(signature.strip(), at) != null) {
      return reject(Outcome.REJECTED_REPLAY, "request already handled (same signature and timestamp)");
    }
    JsonNode payload;
    try {
      payload = payload(rawBody);
    } catch (IllegalArgumentException e) {
      return reject(Outcome.MALFORMED, e.getMessage());
    }
    return act(payload);
  }

  private InteractionResult act(JsonNode payload) {
    String type = payload.path("type").asText("");
    if (!type.equals("block_actions")) {
      return new InteractionResult(Outcome.IGNORED, "interaction type '" + type + "' is not handled", null, null,
          null, null);
    }
    String userId = payload.path("user").path("id").asText("");
    JsonNode action = payload.path("actions").path(0);
    String actionId = action.path("action_id").asText("");
    if (userId.isBlank() || actionId.isBlank()) {
      return reject(Outcome.MALFORMED, "block_actions payload without user.id or actions[0].action_id");
    }
    String user = "slack:" + userId;
    if (actionId.equals(SlackMessages.ACKNOWLEDGE_ESCALATION)) {
      String about = action.path("value").asText("");
      InteractionResult r = new InteractionResult(Outcome.ACKNOWLEDGED, "escalation " + about + " acknowledged by "
          + user, about.isEmpty() ? null : about, user, null, null);
      LOG.info("Escalation {} acknowledged by {}", about, user);
      try {
        acknowledgements.accept(r);
      } catch (RuntimeException e) {
        LOG.warn("Acknowledgement callback failed; dropped", e);
      }
      return r;
    }
    boolean approve = actionId.startsWith(SlackMessages.APPROVE_PREFIX);
    if (!approve && !actionId.startsWith(SlackMessages.DENY_PREFIX)) {
      return new InteractionResult(Outcome.IGNORED, "action '" + actionId + "' is not handled", null, user, null,
          null);
    }
    String id = actionId.substring(approve ? SlackMessages.APPROVE_PREFIX.length()
        : SlackMessages.DENY_PREFIX.length());
    if (id.isBlank()) {
      return reject(Outcome.MALFORMED, "action '" + actionId + "' names no approval");
    }
    ApprovalResult decided;
    try {
      decided = approve ? approvals.approve(id, user, "approved in Slack") : approvals.deny(id, user,
          "denied in Slack");
    } catch (RuntimeException e) {
      LOG.warn("Approval queue failed to {} {} for {}; nothing decided", approve ? "approve" : "deny", id, user, e);
      return new InteractionResult(Outcome.FAILED, "approval queue failed: " + e.getClass().getSimpleName(), id,
          user, null, null);
    }
    if (!decided.applied() || decided.approval() == null) {
      return new InteractionResult(Outcome.NOT_DECIDED, "approval " + id + ": "
          + decided.outcome().name().toLowerCase(Locale.ROOT), id, user, decided, null);
    }
    if (!approve) {
      LOG.info("Approval {} denied by {}", id, user);
      return new InteractionResult(Outcome.DENIED, "approval " + id + " denied by " + user, id, user, decided, null);
    }
    ApprovedExecution execution;
    try {
      execution = executor.execute(decided.approval());
    } catch (RuntimeException e) {
      LOG.warn("Approved action {} could not be carried out; the approval stands", id, e);
      return new InteractionResult(Outcome.APPROVED, "approval " + id + " approved by " + user
          + "; execution failed: " + e.getClass().getSimpleName(), id, user, decided, null);
    }
    LOG.info("Approval {} approved by {}: {}", id, user, execution.status());
    return new InteractionResult(Outcome.APPROVED, "approval " + id + " approved by " + user + ": "
        + execution.status(), id, user, decided, execution);
  }

  /** The JSON of the form field {@code payload}. */
  static JsonNode payload(String rawBody) {
    String json = null;
    for (String pair : rawBody.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals("payload")) {
        json = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
        break;
      }
    }
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("no payload field in the form body");
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("payload is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("payload is not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void evictOlderThan(long cutoff) {
    seen.values().removeIf(t -> t < cutoff);
  }

  private static InteractionResult reject(Outcome outcome, String detail) {
    LOG.warn("Slack interaction rejected: {} ({})", outcome, detail);
    return InteractionResult.rejected(outcome, detail);
  }

  private static @Nullable String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "SlackInteractionHandler[signingSecret=<redacted>, maxRequestAge=" + maxAgeSeconds + " s]";
  }
}
