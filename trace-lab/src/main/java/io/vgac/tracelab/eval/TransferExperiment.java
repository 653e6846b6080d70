package io.vgac.tracelab.eval;

import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.calibration.recalibration.Calibrator;
import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import java.util.Arrays;

/**
 * Cross-cluster transfer: train on one trace (fit / calibrate / test in time order), score the unchanged model on
 * another trace's labelled jobs (same threshold), then refit a calibrator on the target's first N labelled jobs and
 * score the rest.
 *
 * @param training how the model is trained
 * @param evaluator how predictions are scored
 * @param recalibration the calibrator refitted on the target
 */
public record TransferExperiment(TrainingConfig training, Evaluator evaluator, CalibrationMethod recalibration) {

  /** Trains on {@code train} and transfers to {@code test}. */
  public TransferResult run(SweptTrace train, SweptTrace test, int recalibrateN) {
    return run(RiskModelTrainer.train(train, training), test, recalibrateN);
  }

  /**
   * Transfers a trained model to {@code test}.
   *
   * @throws IllegalArgumentException when the target has no more labelled jobs than {@code recalibrateN}
   */
  public TransferResult run(TrainedRiskModel trained, SweptTrace test, int recalibrateN) {
    Dataset home = trained.testPart();
    Evaluation trainEval = evaluator.evaluate(trained.data().name() + " (held-out test part)",
        trained.model().probabilities(home.x()), home.y());
    Dataset target = Dataset.of(test, training.features(), trained.model().thresholdSeconds());
    if (recalibrateN < 1 || recalibrateN >= target.size()) {
      throw new IllegalArgumentException("recalibrate must be in [1, " + (target.size() - 1) + "] for "
          + test.name() + " (" + target.size() + " labelled jobs) but was " + recalibrateN);
    }
    double[] p = trained.model().probabilities(target.x());
    Evaluation testEval = evaluator.evaluate(test.name() + " (all labelled jobs)", p, target.y());
    double[] head = Arrays.copyOf(p, recalibrateN);
    int[] headY = Arrays.copyOf(target.y(), recalibrateN);
    Calibrator c = recalibration.fit(head, headY);
    double[] rest = new double[p.length - recalibrateN];
    int[] restY = Arrays.copyOfRange(target.y(), recalibrateN, p.length);
    for (int i = 0; i < rest.length; i++) {
      rest[i] = c.calibrate(p[recalibrateN + i]);
    }
    Evaluation recal = evaluator.evaluate(test.name() + " (after " + recalibrateN + "-job " + c.method()
        + " recalibration)", rest, restY);
    return new TransferResult(trainEval, testEval, testEval.ece() / trainEval.ece(),
        testEval.auroc() - trainEval.auroc(), recal, recalibrateN, c.method(), trained.model().thresholdSeconds());
  }
}
