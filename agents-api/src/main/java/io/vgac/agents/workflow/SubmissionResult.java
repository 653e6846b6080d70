package io.vgac.agents.workflow;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.policy.Scope;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the workflow did for one submitted job.
 *
 * @param clusterId the cluster
 * @param jobId the job
 * @param predictionStatus whether a prediction was made
 * @param prediction the prediction; null unless PREDICTED
 * @param evidence the calibration evidence the planner saw; null when unknown or unavailable
 * @param emittedTier the prediction's emitted tier (0 without prediction or evidence)
 * @param plannerError the planner's failure, if it threw (nothing was then proposed); null otherwise
 * @param actions every planned action and what the gate made of it, in the planner's order
 */
public record SubmissionResult(
    String clusterId,
    String jobId,
    PredictionStatus predictionStatus,
    @Nullable WaitPrediction prediction,
    @Nullable CalibrationEvidence evidence,
    int emittedTier,
    @Nullable String plannerError,
    List<ActionResult> actions) {

  public SubmissionResult {
    actions = List.copyOf(actions);
  }

  /** The probability of a long wait; NaN without prediction. */
  public double p() {
    return prediction == null ? Double.NaN : prediction.probabilityLongWait();
  }

  /**
   * The cluster's scope as the evidence says; ESCALATE when the evidence is unknown. The gate may decide under a
   * narrower scope (its state machine's cap): each action's decision carries the scope actually applied.
   */
  public Scope scope() {
    return evidence == null ? Scope.ESCALATE : evidence.scope();
  }
}
