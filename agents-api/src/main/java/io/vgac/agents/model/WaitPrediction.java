package io.vgac.agents.model;

import java.time.Duration;

/**
 * A predictor's view of how long a job will wait.
 *
 * @param jobId the job
 * @param probabilityLongWait the calibrated probability that the wait exceeds the long-wait threshold, in [0,1]
 * @param estimatedWait the point estimate of the wait
 * @param confidence the predictor's own confidence in the estimate, in [0,1] (not a calibration measure: the
 *     gate uses the environment's calibration evidence, never this)
 * @param modelVersion the model (and calibrator) that produced the prediction
 */
public record WaitPrediction(
    String jobId, double probabilityLongWait, Duration estimatedWait, double confidence, String modelVersion) {

  public WaitPrediction {
    Checks.id("job_id", jobId);
    Checks.unit("probability_long_wait", probabilityLongWait);
    Checks.nonNegative("estimated_wait", estimatedWait);
    Checks.unit("confidence", confidence);
    Checks.id("model_version", modelVersion);
  }
}
