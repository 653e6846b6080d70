package io.vgac.tracelab.model;

import io.vgac.calibration.recalibration.PlattCalibrator;
import io.vgac.calibration.recalibration.PlattScaling;
import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.features.TimeSplit;

/**
 * Trains the built-in model on one swept trace: the label threshold from the earliest {@code fitShare} of the jobs,
 * the regression on the fit part, Platt scaling (calibration-core) of its log-odds on the calibration part.
 */
public final class RiskModelTrainer {
  private RiskModelTrainer() {}

  /**
   * Trains.
   *
   * @throws IllegalArgumentException when the trace has too few labelled jobs to split, or a part has one class only
   */
  public static TrainedRiskModel train(SweptTrace swept, TrainingConfig config) {
    int head = Math.max(1, (int) Math.round(swept.snapshots().size() * config.fitShare()));
    double threshold = config.label().threshold(swept.snapshots().subList(0, Math.min(head,
        swept.snapshots().size())));
    Dataset data = Dataset.of(swept, config.features(), threshold);
    TimeSplit split = TimeSplit.of(data.size(), config.fitShare(), config.calibrateShare());
    Dataset fit = data.slice(0, split.fitEnd());
    LogisticModel base = LogisticRegression.withLambda(config.lambda()).fit(config.features().names(), fit.x(),
        fit.y());
    Dataset cal = data.slice(split.fitEnd(), split.calibrateEnd());
    double[] logits = new double[cal.size()];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = base.logit(cal.x()[i]);
    }
    PlattCalibrator platt = PlattScaling.ofDefaults().fit(logits, cal.y());
    return new TrainedRiskModel(new WaitRiskModel(config.features(), base, platt, threshold, swept.name()), data,
        split);
  }
}
