package io.vgac.agents.tools;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.ClusterTelemetry;
import io.vgac.agents.spi.WaitTimePredictor;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The {@link PredictionFunction} behind {@code tool_predict_wait_time} (register it with
 * {@link AgentTools.Builder#predictor}, which puts it behind the ESCALATE rule of {@link CalibratedPredictionTool}):
 * finds the job (the tool names only its id), reads the cluster's fresh state and asks the
 * {@link WaitTimePredictor}. A job unknown in that cluster, or a cluster without a fresh state throws
 * IllegalArgumentException / IllegalStateException with a message the tool returns as its error.
 */
public final class TelemetryPredictionFunction implements PredictionFunction {
  private final BiFunction<String, String, Optional<Job>> jobs;
  private final ClusterTelemetry telemetry;
  private final WaitTimePredictor predictor;

  /**
   * @param jobs finds a submitted job by cluster id and job id (the workflow's pending jobs)
   * @param telemetry the cluster states (normally the caching one, so stale states are unknown)
   * @param predictor the model
   */
  public TelemetryPredictionFunction(
      BiFunction<String, String, Optional<Job>> jobs, ClusterTelemetry telemetry, WaitTimePredictor predictor) {
    this.jobs = jobs;
    this.telemetry = telemetry;
    this.predictor = predictor;
  }

  @Override
  public WaitPrediction predict(String jobId, String clusterId) {
    Job job = jobs.apply(clusterId, jobId).orElseThrow(() -> new IllegalArgumentException(
        "Unknown job '" + jobId + "' in cluster '" + clusterId + "': not submitted there, or already started"));
    ClusterState state = telemetry.clusterState(clusterId).orElseThrow(() -> new IllegalStateException(
        "No fresh state for cluster '" + clusterId + "': never observed, or older than the maximum age"));
    return predictor.predict(job, state);
  }
}
