package io.vgac.agents.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A predictor's view of how long a job will wait.
 *
 * @param jobId the job
 * @param probabilityLongWait the calibrated probability that the wait exceeds the long-wait threshold, in [0,1]
 * @param estimatedWait the point estimate of the wait
 * @param confidence the predictor's own confidence in the estimate, in [0,1] (not a calibration measure: the
 *     gate uses the environment's calibration evidence, never this)
 * @param modelVersion the model (and calibrator) that produced the prediction
 * @param interval a prediction interval around the estimated wait, or null when the predictor gives none (written
 *     only when present, so older readers see the same document)
 */
public record WaitPrediction(
    String jobId, double probabilityLongWait, Duration estimatedWait, double confidence, String modelVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WaitInterval interval) {

  public WaitPrediction {
    Checks.id("job_id", jobId);
    Checks.unit("probability_long_wait", probabilityLongWait);
    Checks.nonNegative("estimated_wait", estimatedWait);
    Checks.unit("confidence", confidence);
    Checks.id("model_version", modelVersion);
  }

  /** A prediction without an interval (the form before intervals existed). */
  public WaitPrediction(
      String jobId, double probabilityLongWait, Duration estimatedWait, double confidence, String modelVersion) {
    this(jobId, probabilityLongWait, estimatedWait, confidence, modelVersion, null);
  }

  /** This prediction with {@code newInterval} (null removes it). */
  public WaitPrediction withInterval(@Nullable WaitInterval newInterval) {
    return new WaitPrediction(jobId, probabilityLongWait, estimatedWait, confidence, modelVersion, newInterval);
  }
}
