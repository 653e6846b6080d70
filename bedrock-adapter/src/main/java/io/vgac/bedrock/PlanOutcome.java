package io.vgac.bedrock;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link BedrockPlanner#propose} did, for logs and metrics. Holds no prompt text.
 *
 * @param jobId the job
 * @param clusterId its cluster
 * @param status model plan, fallback or skipped
 * @param roundTrips Converse calls that returned a response
 * @param toolCalls tool calls the model made
 * @param refusedToolCalls tool calls refused before or by the gate (unknown or disallowed tool, another job or
 *     cluster, invalid input, or a gated action escalated or denied)
 * @param proposals actions returned to the workflow
 * @param fallbackReason why the fallback planner was used; null unless status is FALLBACK
 * @param inputTokens input tokens over the conversation
 * @param outputTokens output tokens over the conversation
 * @param elapsed wall time of the whole planning
 */
public record PlanOutcome(
    String jobId,
    String clusterId,
    PlanStatus status,
    int roundTrips,
    int toolCalls,
    int refusedToolCalls,
    int proposals,
    @Nullable String fallbackReason,
    long inputTokens,
    long outputTokens,
    Duration elapsed) {}
