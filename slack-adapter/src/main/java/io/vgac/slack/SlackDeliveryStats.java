package io.vgac.slack;

/**
 * What a {@link SlackNotifier} did so far.
 *
 * @param accepted messages queued for posting (not counting those dropped on a full queue)
 * @param sent messages Slack answered 200 for
 * @param failed messages given up after the retries, or refused by Slack (4xx other than 429)
 * @param dropped messages never queued: queue full, notifier closed, or not renderable
 * @param retries attempts after a first one, over all messages
 * @param queued messages waiting now
 */
public record SlackDeliveryStats(long accepted, long sent, long failed, long dropped, long retries, int queued) {}
