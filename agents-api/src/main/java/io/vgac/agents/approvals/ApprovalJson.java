package io.vgac.agents.approvals;

import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.model.AgentsJson;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One approval as a JSON object, the same for every persisted queue (the file journal's lines, a DynamoDB item's
 * document): wire names for the action and status, snake_case fields, {@code p} null when NaN.
 */
public final class ApprovalJson {
  private ApprovalJson() {}

  /** {@code approval} as one line of JSON. */
  public static String write(PendingApproval approval) {
    return AgentsJson.write(Wire.of(approval));
  }

  /**
   * The approval in {@code json}.
   *
   * @throws RuntimeException when {@code json} is malformed, lacks a field or holds a value the records reject
   */
  public static PendingApproval read(String json) {
    return AgentsJson.read(json, Wire.class).toApproval();
  }

  /** The snapshot with wire names, p as null when NaN. */
  private record Wire(
      String id,
      String env,
      String jobId,
      String action,
      Map<String, String> parameters,
      @Nullable Double p,
      String reason,
      String evidence,
      String requestedBy,
      String requestedFor,
      Instant requestedAt,
      Instant expiresAt,
      String status,
      @Nullable String decidedBy,
      @Nullable Instant decidedAt,
      @Nullable String decisionReason) {

    static Wire of(PendingApproval a) {
      return new Wire(a.id(), a.envId(), a.jobId(), a.action().wireName(), a.parameters(),
          Double.isNaN(a.p()) ? null : a.p(), a.reason(), a.evidenceSummary(), a.requestedBy(), a.requestedFor(),
          a.requestedAt(), a.expiresAt(), a.status().wireName(), a.decidedBy(), a.decidedAt(), a.decisionReason());
    }

    PendingApproval toApproval() {
      return new PendingApproval(id, env, jobId, ProposedAction.fromWireName(action), parameters,
          p == null ? Double.NaN : p, reason, evidence, requestedBy, requestedFor, requestedAt, expiresAt,
          ApprovalStatus.fromWireName(status), decidedBy, decidedAt, decisionReason);
    }
  }
}
