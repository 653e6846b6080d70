package io.vgac.agents.tools;

/**
 * What the gated actor tools need to know about a job besides its id: where it runs and how likely a long wait is.
 *
 * @param jobId the job
 * @param clusterId the cluster (environment) it was submitted to, whose calibration gates the action
 * @param probability the latest prediction's probability of a long wait, in [0,1]; NaN when there is none (the gate
 *     then escalates)
 */
public record JobContext(String jobId, String clusterId, double probability) {

  public JobContext {
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("jobId must not be blank but was '" + jobId + "'");
    }
    if (clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId must not be blank but was '" + clusterId + "'");
    }
    if (!Double.isNaN(probability) && !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0,1] (or NaN for none) but was " + probability);
    }
  }
}
