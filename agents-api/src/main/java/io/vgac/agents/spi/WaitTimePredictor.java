package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;

/**
 * Predicts how long a job will wait, given the state of its cluster (SPI). The embedded default is
 * {@link LogisticWaitPredictor}. The probability of a long wait is what the gate and the tiers use; it is scored
 * against the outcome when the job starts, so it should be calibrated (or recalibrated by the Calibrator).
 *
 * <p>Implementations are thread-safe and may throw: the workflow then has no prediction for the job and proposes
 * nothing for it (an action proposed without a prediction is escalated by the gate).
 */
@FunctionalInterface
public interface WaitTimePredictor {

  /** The prediction for {@code job}, submitted to the cluster in {@code state}. */
  WaitPrediction predict(Job job, ClusterState state);
}
