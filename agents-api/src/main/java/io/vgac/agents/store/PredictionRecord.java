package io.vgac.agents.store;

import io.vgac.agents.model.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * One scored wait-time prediction (item {@code CLUSTER#{id}} / {@code PREDICTION#{iso timestamp}} of the design's
 * DynamoDB layout, which expires through the table's {@code ttl}). A cluster holds at most one prediction per
 * {@code timestamp}: appending another at the same instant replaces it, as a put of the same item key does.
 *
 * <p>Waits are in minutes. {@code actualWait}, {@code error} and {@code squaredError} are NaN together while the
 * job has not started yet (the outcome is unknown).
 *
 * @param clusterId the cluster
 * @param timestamp when the prediction was made (the sort key)
 * @param jobId the job the prediction was for
 * @param predictedWait predicted wait, minutes, finite and ≥ 0
 * @param actualWait observed wait, minutes, finite and ≥ 0; NaN while unknown
 * @param confidence the predictor's confidence, in [0,1]
 * @param error {@code actualWait - predictedWait}, minutes; NaN while unknown
 * @param squaredError {@code error²}, ≥ 0; NaN while unknown
 * @param expiresAt when the record stops being returned (the item's {@code ttl}); after {@code timestamp}
 */
public record PredictionRecord(
    String clusterId,
    Instant timestamp,
    String jobId,
    double predictedWait,
    double actualWait,
    double confidence,
    double error,
    double squaredError,
    Instant expiresAt) {

  /** How long a prediction is kept by default: 30 days, as in the design. */
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(30);

  /** @throws IllegalArgumentException naming the first invalid field and its value */
  public PredictionRecord {
    Checks.id("cluster_id", clusterId);
    Checks.required("timestamp", timestamp);
    Checks.id("job_id", jobId);
    Checks.nonNegative("predicted_wait", predictedWait);
    Checks.unit("confidence", confidence);
    Checks.required("expires_at", expiresAt);
    if (Double.isNaN(actualWait)) {
      if (!Double.isNaN(error) || !Double.isNaN(squaredError)) {
        throw new IllegalArgumentException("error and squared_error must be NaN while actual_wait is unknown (NaN)"
            + " but were " + error + " and " + squaredError);
      }
    } else {
      Checks.nonNegative("actual_wait", actualWait);
      if (!Double.isFinite(error)) {
        throw new IllegalArgumentException("error must be finite when actual_wait is known but was " + error);
      }
      Checks.nonNegative("squared_error", squaredError);
    }
    if (!expiresAt.isAfter(timestamp)) {
      throw new IllegalArgumentException(
          "expires_at must be after timestamp (" + timestamp + ") but was " + expiresAt);
    }
  }

  /**
   * A prediction whose outcome is known, with {@code error} and {@code squaredError} derived and the default time to
   * live of 30 days.
   */
  public static PredictionRecord scored(String clusterId, Instant timestamp, String jobId, double predictedWait,
      double actualWait, double confidence) {
    double error = actualWait - predictedWait;
    return new PredictionRecord(clusterId, timestamp, jobId, predictedWait, actualWait, confidence, error,
        error * error, timestamp.plus(DEFAULT_TIME_TO_LIVE));
  }

  /** A prediction whose outcome is not known yet (actual wait and errors NaN), kept for 30 days. */
  public static PredictionRecord pending(
      String clusterId, Instant timestamp, String jobId, double predictedWait, double confidence) {
    return new PredictionRecord(clusterId, timestamp, jobId, predictedWait, Double.NaN, confidence, Double.NaN,
        Double.NaN, timestamp.plus(DEFAULT_TIME_TO_LIVE));
  }

  /** Whether the record has expired at {@code now} (expired records are never returned by a store). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
