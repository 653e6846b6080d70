/**
 * Slack for the agents: {@link io.vgac.slack.SlackNotifier} posts predictions, alerts, escalations and pending
 * approvals to an incoming webhook as Block Kit messages; {@link io.vgac.slack.SlackInteractionHandler} verifies
 * Slack's signed button clicks and decides approvals through the approval queue and the gate.
 */
@NullMarked
package io.vgac.slack;

import org.jspecify.annotations.NullMarked;
