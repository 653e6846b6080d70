package io.vgac.bedrock;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** A thread-safe {@link PlannerListener} that counts: calls, tokens, latency, plans by status, refusals. */
public final class PlannerMetrics implements PlannerListener {
  private final LongAdder calls = new LongAdder();
  private final LongAdder failedCalls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder inputTokens = new LongAdder();
  private final LongAdder outputTokens = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAccumulator maxLatencyNanos = new LongAccumulator(Math::max, 0);
  private final LongAdder modelPlans = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder toolCalls = new LongAdder();
  private final LongAdder refusedToolCalls = new LongAdder();

  /**
   * The counters at one moment.
   *
   * @param calls Converse calls (each may have several attempts)
   * @param failedCalls calls that ended in an error after their retries
   * @param attempts HTTP attempts
   * @param inputTokens input tokens of successful calls
   * @param outputTokens output tokens of successful calls
   * @param totalLatencyNanos wall time of all calls, retries included
   * @param maxLatencyNanos the longest call
   * @param modelPlans jobs planned by the model
   * @param fallbacks jobs planned by the fallback planner
   * @param skipped jobs for which the model was not called
   * @param toolCalls tool calls the model made
   * @param refusedToolCalls tool calls refused (before or by the gate)
   */
  public record Snapshot(
      long calls,
      long failedCalls,
      long attempts,
      long inputTokens,
      long outputTokens,
      long totalLatencyNanos,
      long maxLatencyNanos,
      long modelPlans,
      long fallbacks,
      long skipped,
      long toolCalls,
      long refusedToolCalls) {

    /** Mean call latency in milliseconds; NaN before the first call. */
    public double meanLatencyMillis() {
      return calls == 0 ? Double.NaN : totalLatencyNanos / 1e6 / calls;
    }
  }

  @Override
  public void onModelCall(ModelCall c) {
    calls.increment();
    attempts.add(c.attempts());
    if (!c.succeeded()) {
      failedCalls.increment();
    }
    inputTokens.add(c.inputTokens());
    outputTokens.add(c.outputTokens());
    long nanos = c.elapsed().toNanos();
    latencyNanos.add(nanos);
    maxLatencyNanos.accumulate(nanos);
  }

  @Override
  public void onPlan(PlanOutcome o) {
    switch (o.status()) {
      case MODEL:
        modelPlans.increment();
        break;
      case FALLBACK:
        fallbacks.increment();
        break;
      default:
        skipped.increment();
    }
    toolCalls.add(o.toolCalls());
    refusedToolCalls.add(o.refusedToolCalls());
  }

  public Snapshot snapshot() {
    return new Snapshot(calls.sum(), failedCalls.sum(), attempts.sum(), inputTokens.sum(), outputTokens.sum(),
        latencyNanos.sum(), maxLatencyNanos.get(), modelPlans.sum(), fallbacks.sum(), skipped.sum(), toolCalls.sum(),
        refusedToolCalls.sum());
  }
}
