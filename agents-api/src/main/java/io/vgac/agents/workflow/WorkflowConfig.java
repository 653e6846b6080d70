package io.vgac.agents.workflow;

import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.tools.ActorTools;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Immutable configuration of an {@link AgentWorkflow}, from a fail-fast {@link Builder}. */
public final class WorkflowConfig {
  /** A wait longer than this is a long wait (label 1): the design's 600 s. */
  public static final Duration DEFAULT_LONG_WAIT_THRESHOLD = Duration.ofSeconds(600);
  /** Where NOTIFY notes, escalations and recalibration requests go. */
  public static final String DEFAULT_ALERT_CHANNEL = ActorTools.DEFAULT_ALERT_CHANNEL;
  /** Who is recorded as having proposed an escalated action. */
  public static final String DEFAULT_REQUESTED_BY = "vgac-agents";
  /** How long an escalated action waits for a human. */
  public static final Duration DEFAULT_APPROVAL_TTL = ApprovalRequest.DEFAULT_TTL;

  private static final WorkflowConfig DEFAULTS = builder().build();

  private final Duration longWaitThreshold;
  private final String alertChannel;
  private final String requestedBy;
  private final String requestedFor;
  private final Duration approvalTtl;

  private WorkflowConfig(Builder b) {
    longWaitThreshold = b.longWaitThreshold;
    alertChannel = b.alertChannel;
    requestedBy = b.requestedBy;
    requestedFor = b.requestedFor == null ? b.alertChannel : b.requestedFor;
    approvalTtl = b.approvalTtl;
  }

  public static WorkflowConfig ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration longWaitThreshold() {
    return longWaitThreshold;
  }

  public String alertChannel() {
    return alertChannel;
  }

  public String requestedBy() {
    return requestedBy;
  }

  /** Who is asked to approve escalated actions; the alert channel unless set. */
  public String requestedFor() {
    return requestedFor;
  }

  public Duration approvalTtl() {
    return approvalTtl;
  }

  /** The label of a job that waited {@code wait}: 1 when strictly longer than the threshold. */
  public int label(Duration wait) {
    return wait.compareTo(longWaitThreshold) > 0 ? 1 : 0;
  }

  @Override
  public String toString() {
    return "WorkflowConfig[longWaitThreshold=" + longWaitThreshold + ", alertChannel=" + alertChannel
        + ", requestedBy=" + requestedBy + ", requestedFor=" + requestedFor + ", approvalTtl=" + approvalTtl + "]";
  }

  /** Fail-fast builder. */
  public static final class Builder {
    private Duration longWaitThreshold = DEFAULT_LONG_WAIT_THRESHOLD;
    private String alertChannel = DEFAULT_ALERT_CHANNEL;
    private String requestedBy = DEFAULT_REQUESTED_BY;
    private @Nullable String requestedFor;
    private Duration approvalTtl = DEFAULT_APPROVAL_TTL;

    private Builder() {}

    /** A wait strictly longer than this is labelled 1; &gt; 0. */
    public Builder longWaitThreshold(Duration threshold) {
      if (threshold.isNegative() || threshold.isZero()) {
        throw new IllegalArgumentException("longWaitThreshold must be > 0 but was " + threshold);
      }
      this.longWaitThreshold = threshold;
      return this;
    }

    public Builder alertChannel(String channel) {
      this.alertChannel = text("alertChannel", channel);
      return this;
    }

    public Builder requestedBy(String who) {
      this.requestedBy = text("requestedBy", who);
      return this;
    }

    public Builder requestedFor(String who) {
      this.requestedFor = text("requestedFor", who);
      return this;
    }

    /** How long an escalated action stays open for approval; &gt; 0. */
    public Builder approvalTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("approvalTtl must be > 0 but was " + ttl);
      }
      this.approvalTtl = ttl;
      return this;
    }

    private static String text(String field, String value) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank but was '" + value + "'");
      }
      return value;
    }

    public WorkflowConfig build() {
      return new WorkflowConfig(this);
    }
  }
}
