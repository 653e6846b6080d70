package io.vgac.agents.workflow;

import java.time.Instant;

/**
 * A recalibration the Calibrator asked for (once per drift excursion). The workflow never refits by itself: whoever
 * runs the recalibration loop (a human, trace-lab, a scheduled job) fits a calibrator and records it on the tracker
 * ({@code EnvironmentTrackers.recalibrated}, or {@code tool_trigger_recalibration}).
 *
 * @param clusterId the environment
 * @param at the workflow clock's time of the request
 * @param sampleCount the environment's outcomes so far
 * @param reason why, for a human
 */
public record RecalibrationRequest(String clusterId, Instant at, long sampleCount, String reason) {}
