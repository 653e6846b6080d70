package io.vgac.bedrock;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One Converse call (one model turn) as the planner saw it: tokens, latency and how it ended. Holds no prompt text.
 *
 * @param modelId the model or inference profile called
 * @param jobId the job being planned
 * @param roundTrip 1 for the first turn of the job's conversation
 * @param attempts HTTP attempts made (1 when the first succeeded)
 * @param stopReason the response's {@code stopReason} as sent; null when the call failed
 * @param inputTokens {@code usage.inputTokens}; 0 when the call failed
 * @param outputTokens {@code usage.outputTokens}; 0 when the call failed
 * @param serverLatencyMs {@code metrics.latencyMs}; 0 when the call failed or none was sent
 * @param elapsed wall time of the call on this side, retries and backoff included
 * @param error the last error's type and HTTP status (e.g. {@code ThrottlingException (429)}) when the call failed;
 *     null on success
 */
public record ModelCall(
    String modelId,
    String jobId,
    int roundTrip,
    int attempts,
    @Nullable String stopReason,
    long inputTokens,
    long outputTokens,
    long serverLatencyMs,
    Duration elapsed,
    @Nullable String error) {

  /** Whether the call returned a response. */
  public boolean succeeded() {
    return error == null;
  }
}
