package io.vgac.agents.spi;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.policy.TierPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Planner} knows about one submitted job.
 *
 * @param job the job
 * @param clusterState its cluster's fresh state; null when unknown or stale
 * @param prediction the wait prediction; null when none could be made (no fresh state, or the predictor failed)
 * @param evidence the cluster's calibration evidence; null when unknown
 * @param tierPolicy the tiers the gate applies
 */
public record PlanningContext(
    Job job,
    @Nullable ClusterState clusterState,
    @Nullable WaitPrediction prediction,
    @Nullable CalibrationEvidence evidence,
    TierPolicy tierPolicy) {

  /** The prediction's probability of a long wait; NaN when there is no prediction. */
  public double p() {
    return prediction == null ? Double.NaN : prediction.probabilityLongWait();
  }

  /** The cluster's qualified tier; 0 when its calibration is unknown. */
  public int qualifiedTier() {
    return evidence == null ? 0 : evidence.qualifiedTier();
  }

  /**
   * The prediction's emitted tier ({@link TierPolicy#emittedTier}: the highest tier with p ≥ its threshold and
   * tier ≤ the qualified tier); 0 without a prediction.
   */
  public int emittedTier() {
    double p = p();
    return Double.isNaN(p) ? 0 : tierPolicy.emittedTier(p, qualifiedTier());
  }
}
