package io.vgac.agents.gate;

/**
 * A proposed action for one job, as a planner hands it to the gate.
 *
 * @param envId the environment (cluster) the job runs in
 * @param jobId the job
 * @param action what is proposed
 * @param p the prediction's probability of a long wait; NaN when no prediction is available (the decision then
 *     escalates)
 */
public record ActionRequest(String envId, String jobId, ProposedAction action, double p) {

  public ActionRequest {
    if (envId.isBlank()) {
      throw new IllegalArgumentException("envId must not be blank but was '" + envId + "'");
    }
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("jobId must not be blank but was '" + jobId + "'");
    }
    if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0,1] (or NaN for no prediction) but was " + p);
    }
  }
}
