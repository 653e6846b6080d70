package io.vgac.agents.tools;

/** What an {@link Alert} is for. */
public enum AlertKind {
  /** A chat message ({@code tool_send_slack_notification}, or the note after an action taken under NOTIFY). */
  MESSAGE,
  /** An operational alert ({@code tool_create_alert}). */
  ALERT,
  /** A request for human review ({@code tool_escalate_to_human}, or a gated action escalated). */
  ESCALATION
}
