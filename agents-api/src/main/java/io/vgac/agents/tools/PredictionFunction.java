package io.vgac.agents.tools;

import io.vgac.agents.model.WaitPrediction;

/**
 * Predicts one job's wait (the shape {@code tool_predict_wait_time} needs until the WaitTimePredictor SPI exists).
 * May throw: the tool then fails.
 */
@FunctionalInterface
public interface PredictionFunction {

  /** The prediction for {@code jobId} in {@code clusterId}. */
  WaitPrediction predict(String jobId, String clusterId) throws Exception;
}
