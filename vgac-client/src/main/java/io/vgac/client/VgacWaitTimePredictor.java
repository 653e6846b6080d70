package io.vgac.client;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.WaitTimePredictor;

/**
 * The {@link WaitTimePredictor} of one VGAC platform: {@code POST /api/predict/wait} with the job's
 * {@link JobSpec}. The model version is the platform's {@code model_version} when reported, else
 * {@value #MODEL_VERSION} (with {@code +uncalibrated} when the platform says {@code is_calibrated: false}); the gate
 * never relies on it, only on the calibration evidence. Throws {@link VgacClientException} when the platform cannot
 * answer (the workflow then has no prediction and acts on nothing).
 */
public final class VgacWaitTimePredictor implements WaitTimePredictor {
  /** The model version reported when the platform names none. */
  public static final String MODEL_VERSION = "vgac-platform";

  private final VgacClient client;

  VgacWaitTimePredictor(VgacClient client) {
    this.client = client;
  }

  /**
   * @throws IllegalArgumentException when {@code state} is of another cluster than the job, or the job is of
   *     another cluster than the platform's (its model would not apply)
   */
  @Override
  public WaitPrediction predict(Job job, ClusterState state) {
    if (!job.clusterId().equals(state.clusterId())) {
      throw new IllegalArgumentException("job " + job.jobId() + " is in cluster '" + job.clusterId()
          + "' but the state is of cluster '" + state.clusterId() + "'");
    }
    String platform = client.platformClusterId();
    if (!platform.equals(job.clusterId())) {
      throw new IllegalArgumentException("job " + job.jobId() + " is in cluster '" + job.clusterId()
          + "' but this VGAC platform serves cluster '" + platform + "'");
    }
    WaitEstimate w = client.predictWait(JobSpec.of(job));
    String version = w.modelVersion() != null && !w.modelVersion().isBlank() ? w.modelVersion()
        : w.calibrated() ? MODEL_VERSION : MODEL_VERSION + "+uncalibrated";
    return new WaitPrediction(job.jobId(), w.probabilityLongWait(), w.estimatedWait(), w.confidence(), version);
  }
}
