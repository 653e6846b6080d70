package io.vgac.slack;

import static io.vgac.slack.TestAgents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.ApprovedExecution;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.tools.Notifier;
import io.vgac.agents.workflow.ActionResult;
import io.vgac.slack.InteractionResult.Outcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed button clicks: verified, then decided through the queue and the gate; forgeries never get that far. */
class SlackInteractionHandlerTest {
  static final String SECRET = "test-signing-secret-0123";
  static final SlackConfig CONFIG = SlackConfig.builder().webhookUrl("http://127.0.0.1:9/hook").signingSecret(SECRET)
      .build();

  final TestAgents t = new TestAgents();
  Agents agents;
  SlackInteractionHandler handler;
  final List<InteractionResult> acks = new ArrayList<>();
  String approvalId;

  /** A learning cluster (40 samples of ECE 0): the tier-4 hold escalates and waits for a human. */
  @BeforeEach
  void escalate() {
    agents = t.build(Notifier.none());
    TestAgents.calibrated(agents.trackers(), "polaris", 40);
    TestAgents.observe(agents, "polaris");
    ActionResult r = agents.submit(TestAgents.job("j1", "polaris")).actions().get(0);
    assertThat(r.planned().action()).isEqualTo(ProposedAction.HOLD);
    assertThat(r.decision()).isEqualTo(Decision.ESCALATE);
    approvalId = r.approvalId();
    assertThat(approvalId).isNotNull();
    handler = new SlackInteractionHandler(CONFIG, agents.approvals(), agents.approvedActions(), t.clock, acks::add);
  }

  static String blockActions(String actionId, String value) {
    String json = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U2CERLKJA\",\"username\":\"roadrunner\"},"
        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"value\":\"" + value + "\"}]}";
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  static Map<String, String> signed(String body, long ts) {
    return Map.of("X-Slack-Request-Timestamp", Long.toString(ts),
        "X-Slack-Signature", SlackSignatures.sign(SECRET, Long.toString(ts), body));
  }

  long now() {
    return T0.getEpochSecond();
  }

  @Test
  void approveDecidesTheApprovalAndRunsTheActionThroughTheGate() {
    String body = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    InteractionResult r = handler.handle(signed(body, now()), body);
    assertThat(r.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.user()).isEqualTo("slack:U2CERLKJA");
    assertThat(r.execution().status()).isEqualTo(ApprovedExecution.Status.EXECUTED);
    // the gate decided it again, with the approval as input: act, then tell
    assertThat(r.execution().outcome().decision().decision()).isEqualTo(Decision.EXECUTE_AND_NOTIFY);
    assertThat(t.scheduler.calls()).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo(ProposedAction.HOLD);
      assertThat(c.jobId()).isEqualTo("j1");
    });
    assertThat(agents.approvals().get(approvalId).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(agents.approvals().get(approvalId).orElseThrow().decidedBy()).isEqualTo("slack:U2CERLKJA");
    // both decisions are in the log: the escalation and the approved execution
    assertThat(t.log.records()).extracting(x -> x.decision())
        .containsExactly(Decision.ESCALATE, Decision.EXECUTE_AND_NOTIFY);

    // a second click (a new request) finds it decided: nothing runs again
    String again = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    InteractionResult second = handler.handle(signed(again, now() + 1), again);
    assertThat(second.outcome()).isEqualTo(Outcome.NOT_DECIDED);
    assertThat(second.decision().outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
    assertThat(t.scheduler.calls()).hasSize(1);
  }

  @Test
  void anApprovalTheGateStillRefusesRunsNothing() {
    // the calibration degrades before the human clicks: ECE 0.2 on top → tier 4 no longer qualifies
    TestAgents.withEce(agents.trackers(), "polaris", 400, 0.2);
    String body = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    InteractionResult r = handler.handle(signed(body, now()), body);
    assertThat(r.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(r.execution().status()).isEqualTo(ApprovedExecution.Status.REFUSED_BY_GATE);
    assertThat(t.scheduler.calls()).isEmpty();
  }

  @Test
  void denyDecidesTheApprovalAndRunsNothing() {
    String body = blockActions(SlackMessages.DENY_PREFIX + approvalId, approvalId);
    InteractionResult r = handler.handle(signed(body, now()), body);
    assertThat(r.outcome()).isEqualTo(Outcome.DENIED);
    assertThat(agents.approvals().get(approvalId).orElseThrow().status()).isEqualTo(ApprovalStatus.DENIED);
    assertThat(t.scheduler.calls()).isEmpty();
  }

  @Test
  void acknowledgeReachesTheCallbackAndDecidesNothing() {
    String body = blockActions(SlackMessages.ACKNOWLEDGE_ESCALATION, approvalId);
    InteractionResult r = handler.handle(signed(body, now()), body);
    assertThat(r.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(r.approvalId()).isEqualTo(approvalId);
    assertThat(acks).containsExactly(r);
    assertThat(agents.approvals().get(approvalId).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void anUnknownApprovalIsNotDecided() {
    String body = blockActions(SlackMessages.APPROVE_PREFIX + "nope", "nope");
    InteractionResult r = handler.handle(signed(body, now()), body);
    assertThat(r.outcome()).isEqualTo(Outcome.NOT_DECIDED);
    assertThat(r.decision().outcome()).isEqualTo(ApprovalResult.Outcome.NOT_FOUND);
  }

  @Test
  void forgedRequestsAreRejectedAndDecideNothing() {
    String body = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    String ts = Long.toString(now());
    // signed with another secret
    InteractionResult other = handler.handle(Map.of("X-Slack-Request-Timestamp", ts,
        "X-Slack-Signature", SlackSignatures.sign("someone-elses-secret", ts, body)), body);
    assertThat(other.outcome()).isEqualTo(Outcome.REJECTED_SIGNATURE);
    assertThat(other.httpStatus()).isEqualTo(401);
    // a valid signature of another body
    String deny = blockActions(SlackMessages.DENY_PREFIX + approvalId, approvalId);
    assertThat(handler.handle(signed(deny, now()), body).outcome()).isEqualTo(Outcome.REJECTED_SIGNATURE);
    // no signature at all
    assertThat(handler.handle(Map.of("X-Slack-Request-Timestamp", ts), body).outcome())
        .isEqualTo(Outcome.REJECTED_SIGNATURE);
    // the timestamp moved under a valid signature
    Map<String, String> moved = Map.of("X-Slack-Request-Timestamp", Long.toString(now() + 1),
        "X-Slack-Signature", SlackSignatures.sign(SECRET, ts, body));
    assertThat(handler.handle(moved, body).outcome()).isEqualTo(Outcome.REJECTED_SIGNATURE);
    assertThat(agents.approvals().get(approvalId).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(t.scheduler.calls()).isEmpty();
  }

  @Test
  void headerNamesAreMatchedInAnyCase() {
    String body = blockActions(SlackMessages.ACKNOWLEDGE_ESCALATION, approvalId);
    Map<String, String> h = signed(body, now());
    Map<String, String> lower = Map.of("x-slack-request-timestamp", h.get("X-Slack-Request-Timestamp"),
        "x-slack-signature", h.get("X-Slack-Signature"));
    assertThat(handler.handle(lower, body).outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
  }

  @Test
  void aReplayedRequestIsRejected() {
    String body = blockActions(SlackMessages.DENY_PREFIX + approvalId, approvalId);
    Map<String, String> h = signed(body, now());
    assertThat(handler.handle(h, body).outcome()).isEqualTo(Outcome.DENIED);
    InteractionResult replay = handler.handle(h, body);
    assertThat(replay.outcome()).isEqualTo(Outcome.REJECTED_REPLAY);
    assertThat(replay.httpStatus()).isEqualTo(401);
    assertThat(replay.decision()).isNull();
  }

  @Test
  void staleAndFutureRequestsAreRejectedEvenWhenSigned() {
    String body = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    assertThat(handler.handle(signed(body, now() - 301), body).outcome()).isEqualTo(Outcome.REJECTED_STALE);
    assertThat(handler.handle(signed(body, now() + 301), body).outcome()).isEqualTo(Outcome.REJECTED_STALE);
    assertThat(handler.handle(signed(body, now() - 300), body).outcome()).isEqualTo(Outcome.APPROVED); // the edge
    assertThat(handler.handle(Map.of("X-Slack-Signature", "v0=00"), body).outcome())
        .isEqualTo(Outcome.REJECTED_STALE);
    assertThat(handler.handle(Map.of("X-Slack-Request-Timestamp", "yesterday", "X-Slack-Signature", "v0=00"), body)
        .httpStatus()).isEqualTo(401);
  }

  @Test
  void slacksDocumentedRequestVerifiesButIsNotAnInteraction() {
    Clock then = Clock.fixed(Instant.ofEpochSecond(1531420618L), ZoneOffset.UTC);
    SlackInteractionHandler h = new SlackInteractionHandler(SlackConfig.builder().webhookUrl("http://127.0.0.1/x")
        .signingSecret(SlackSignaturesTest.SECRET).build(), agents.approvals(), agents.approvedActions(), then);
    Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", SlackSignaturesTest.TIMESTAMP,
        "X-Slack-Signature", SlackSignaturesTest.SIGNATURE);
    InteractionResult r = h.handle(headers, SlackSignaturesTest.BODY);
    assertThat(r.outcome()).isEqualTo(Outcome.MALFORMED); // past the signature: a slash command has no payload
    assertThat(r.httpStatus()).isEqualTo(400);
    assertThat(h.handle(headers, SlackSignaturesTest.BODY).outcome()).isEqualTo(Outcome.REJECTED_REPLAY);
    Clock later = Clock.fixed(Instant.ofEpochSecond(1531420618L + 600), ZoneOffset.UTC);
    SlackInteractionHandler stale = new SlackInteractionHandler(SlackConfig.builder()
        .webhookUrl("http://127.0.0.1/x").signingSecret(SlackSignaturesTest.SECRET).build(), agents.approvals(),
        agents.approvedActions(), later);
    assertThat(stale.handle(headers, SlackSignaturesTest.BODY).outcome()).isEqualTo(Outcome.REJECTED_STALE);
  }

  @Test
  void malformedSignedBodiesAre400AndUnknownKindsAreIgnored() {
    for (String body : List.of("", "payload=", "payload=%7Bnot-json", "payload=%ZZ", "payload=%5B1%2C2%5D",
        blockActions("", "x"), "payload=" + URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{"
            + "\"action_id\":\"vgac_deny:x\"}]}", StandardCharsets.UTF_8),
        blockActions(SlackMessages.APPROVE_PREFIX, "x"))) {
      InteractionResult r = handler.handle(signed(body, now()), body);
      assertThat(r.outcome()).as(body).isEqualTo(Outcome.MALFORMED);
      assertThat(r.httpStatus()).isEqualTo(400);
    }
    String modal = "payload=" + URLEncoder.encode("{\"type\":\"view_submission\"}", StandardCharsets.UTF_8);
    assertThat(handler.handle(signed(modal, now()), modal).outcome()).isEqualTo(Outcome.IGNORED);
    String other = blockActions("some_other_button", "x");
    assertThat(handler.handle(signed(other, now()), other).outcome()).isEqualTo(Outcome.IGNORED);
    assertThat(agents.approvals().get(approvalId).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void aHandlerNeedsASigningSecretAndNeverShowsIt() {
    SlackConfig noSecret = SlackConfig.builder().webhookUrl("http://127.0.0.1/x").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlackInteractionHandler.forAgents(noSecret, agents))
        .hasMessageContaining("SLACK_SIGNING_SECRET");
    assertThat(handler.toString()).doesNotContain(SECRET);
    String body = blockActions(SlackMessages.APPROVE_PREFIX + approvalId, approvalId);
    InteractionResult forged = handler.handle(Map.of("X-Slack-Request-Timestamp", Long.toString(now()),
        "X-Slack-Signature", "v0=deadbeef"), body);
    assertThat(forged.detail()).doesNotContain(SECRET);
  }
}
