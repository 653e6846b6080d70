package io.vgac.agents.workflow;

import io.vgac.agents.model.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What the workflow did when a job started.
 *
 * @param clusterId the cluster
 * @param jobId the job
 * @param status whether the outcome was recorded
 * @param outcome the actual wait and its label; null for an unknown job
 * @param p the probability the outcome scored; NaN when none
 * @param recalibrationRequested true when this outcome began a drift excursion and a recalibration was requested
 */
public record StartResult(
    String clusterId, String jobId, StartStatus status, @Nullable Outcome outcome, double p,
    boolean recalibrationRequested) {}
