package io.vgac.agents.gate;

import org.jspecify.annotations.Nullable;

/**
 * A proposed action for one job, as a planner hands it to the gate.
 *
 * @param envId the environment (cluster) the job runs in
 * @param jobId the job
 * @param action what is proposed
 * @param p the prediction's probability of a long wait; NaN when no prediction is available (the decision then
 *     escalates)
 * @param planner who proposed it, for the decision log (e.g. {@code bedrock:<model id>}, or the rule-based planner
 *     standing in for one that failed); null when not stated
 */
public record ActionRequest(String envId, String jobId, ProposedAction action, double p, @Nullable String planner) {

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
    if (planner != null && planner.isBlank()) {
      throw new IllegalArgumentException("planner must be null or non-blank but was '" + planner + "'");
    }
  }

  /** A request whose proposer is not stated. */
  public ActionRequest(String envId, String jobId, ProposedAction action, double p) {
    this(envId, jobId, action, p, null);
  }
}
