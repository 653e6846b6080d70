package io.vgac.tracelab.model;

import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.TimeSplit;

/**
 * A model with the data it was trained on.
 *
 * @param model the calibrated model
 * @param data every labelled job of the training trace, in submit order
 * @param split which rows were fitted on, calibrated on and held out
 */
public record TrainedRiskModel(WaitRiskModel model, Dataset data, TimeSplit split) {
  public Dataset fitPart() {
    return data.slice(0, split.fitEnd());
  }

  public Dataset calibratePart() {
    return data.slice(split.fitEnd(), split.calibrateEnd());
  }

  public Dataset testPart() {
    return data.slice(split.calibrateEnd(), split.n());
  }
}
