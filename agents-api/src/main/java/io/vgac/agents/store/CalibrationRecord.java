package io.vgac.agents.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vgac.agents.model.Checks;
import java.time.Instant;

/**
 * The calibration state of one cluster as the agents persist it (item {@code CLUSTER#{id}} / {@code CALIBRATION}
 * of the design's DynamoDB layout).
 *
 * @param clusterId the cluster (environment) this state belongs to
 * @param platform the scheduler platform, e.g. {@code kubernetes}, {@code slurm}, {@code aws_batch}
 * @param currentEce the expected calibration error now, in [0,1]; NaN while there is not enough data
 * @param lastKnownGoodEce the last ECE that was acceptable, in [0,1]; NaN when there was none yet
 * @param calibrationScore the calibration score, in [0,1]
 * @param sampleCount outcomes the state is based on
 * @param recalibrationNeeded whether the calibrator asked for recalibration
 * @param learningMode whether the cluster is still in learning mode ({@code is_learning_mode} on the wire)
 * @param lastUpdated when the state was computed
 */
public record CalibrationRecord(
    String clusterId,
    String platform,
    double currentEce,
    double lastKnownGoodEce,
    double calibrationScore,
    long sampleCount,
    boolean recalibrationNeeded,
    @JsonProperty("is_learning_mode") boolean learningMode,
    Instant lastUpdated) {

  /** @throws IllegalArgumentException naming the first invalid field and its value */
  public CalibrationRecord {
    Checks.id("cluster_id", clusterId);
    Checks.id("platform", platform);
    Checks.unitOrNaN("current_ece", currentEce);
    Checks.unitOrNaN("last_known_good_ece", lastKnownGoodEce);
    Checks.unit("calibration_score", calibrationScore);
    Checks.nonNegative("sample_count", sampleCount);
    Checks.required("last_updated", lastUpdated);
  }
}
