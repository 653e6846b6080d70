package io.vgac.agents.approvals;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.Decision;
import io.vgac.agents.gate.GateDecision;
import io.vgac.agents.gate.ProposedAction;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is submitted to an {@link ApprovalQueue}: an escalated action and what a human needs to judge it. The queue
 * adds the id and the times ({@code requestedAt} = its clock at submission, {@code expiresAt} = that + {@code ttl}).
 *
 * @param envId the environment (cluster)
 * @param jobId the job the action is for
 * @param action the proposed action
 * @param parameters what the action needs to be carried out ({@link ApprovalParameters}); copied, name-ordered
 * @param p the prediction's probability of a long wait when the action was proposed; NaN when there was none. The
 *     approved action is gated with this p (what the human saw); the gate reads fresh calibration evidence.
 * @param reason why the gate escalated (its decision's reason)
 * @param evidenceSummary the gate's evidence in one line for a human ({@link #summarize})
 * @param requestedBy who proposed it (an agent, a planner)
 * @param requestedFor who is asked to decide (a person, a team or a channel)
 * @param ttl how long the approval stays open; &gt; 0
 */
public record ApprovalRequest(
    String envId,
    String jobId,
    ProposedAction action,
    Map<String, String> parameters,
    double p,
    String reason,
    String evidenceSummary,
    String requestedBy,
    String requestedFor,
    Duration ttl) {

  /** How long an approval stays open unless told otherwise. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  public ApprovalRequest {
    requireText("envId", envId);
    requireText("jobId", jobId);
    requireText("requestedBy", requestedBy);
    requireText("requestedFor", requestedFor);
    if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0,1] (or NaN for no prediction) but was " + p);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be > 0 but was " + ttl);
    }
    parameters = ApprovalParameters.check(action, parameters);
  }

  /**
   * The request for an escalated {@code decision}: environment, job, action, p, reason and evidence come from it.
   *
   * @throws IllegalArgumentException when the decision is not an ESCALATE (a denied action is ruled out by the
   *     policy and is not for a human to approve), or a parameter is missing
   */
  public static ApprovalRequest forEscalation(
      GateDecision decision, Map<String, String> parameters, String requestedBy, String requestedFor, Duration ttl) {
    if (decision.decision() != Decision.ESCALATE) {
      throw new IllegalArgumentException(
          "decision must be ESCALATE to be approved by a human but was " + decision.decision());
    }
    return new ApprovalRequest(decision.envId(), decision.jobId(), decision.action(), parameters,
        decision.request().p(), decision.reason(), summarize(decision.evidence()), requestedBy, requestedFor, ttl);
  }

  /**
   * The evidence in one line, e.g. {@code samples=500 ece=0.090 [0.072, 0.108] score=0.55 scope=ESCALATE tier=1
   * drift=NONE tracker=CALIBRATED observed_at=2026-01-05T10:00:00Z}; {@code no calibration evidence} for null.
   */
  public static String summarize(@Nullable CalibrationEvidence e) {
    if (e == null) {
      return "no calibration evidence";
    }
    // Hand-built, since String.format (a Formatter and a pattern parse per call) dominated an escalation. Same text as
    // "samples=%d%s ece=%.3f [%.3f, %.3f] score=%.2f scope=%s tier=%d drift=%s tracker=%s observed_at=%s".
    StringBuilder b = new StringBuilder(160).append("samples=").append(e.sampleCount());
    if (e.learning()) {
      b.append(" (learning)");
    }
    FixedDecimals.append(b.append(" ece="), e.ece(), 3);
    FixedDecimals.append(b.append(" ["), e.eceInterval().lo(), 3);
    FixedDecimals.append(b.append(", "), e.eceInterval().hi(), 3);
    FixedDecimals.append(b.append("] score="), e.calibrationScore(), 2);
    b.append(" scope=").append(e.scope()).append(" tier=").append(e.qualifiedTier())
        .append(" drift=").append(e.drift() == null ? "unknown" : e.drift())
        .append(" tracker=").append(e.machineState())
        .append(" observed_at=").append(e.observedAt() == null ? "unknown" : e.observedAt());
    return b.toString();
  }

  private static void requireText(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank but was '" + value + "'");
    }
  }
}
