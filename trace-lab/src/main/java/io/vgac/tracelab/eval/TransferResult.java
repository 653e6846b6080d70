package io.vgac.tracelab.eval;

/**
 * A model trained on one trace, scored on another.
 *
 * @param train the model on its own trace's held-out test part
 * @param test the model, unchanged, on every labelled job of the target trace
 * @param eceRatio {@code test.ece / train.ece}
 * @param aurocChange {@code test.auroc − train.auroc}
 * @param recalibrated after refitting a calibrator on the target's first {@code recalibrateN} labelled jobs: scored
 *     on the rest
 * @param recalibrateN jobs used for the recalibration
 * @param recalibrationMethod the calibrator fitted ({@code isotonic}, …)
 * @param thresholdSeconds the long-wait threshold (fixed on the training trace)
 */
public record TransferResult(
    Evaluation train,
    Evaluation test,
    double eceRatio,
    double aurocChange,
    Evaluation recalibrated,
    int recalibrateN,
    String recalibrationMethod,
    double thresholdSeconds) {

  /** {@code aurocChange / train.auroc}: the relative change. */
  public double aurocChangeRelative() {
    return aurocChange / train.auroc();
  }
}
