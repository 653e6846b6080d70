package io.vgac.tracelab.model;

import io.vgac.calibration.conformal.ConformalCalibration;
import io.vgac.calibration.conformal.SplitConformal;
import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.JobSnapshot;
import io.vgac.tracelab.read.WaitStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the wait part beside a trained risk model: ridge regression of {@code log1p(wait)} on the fit part's
 * observed waits (the risk model's standardisation), split-conformal radius on the calibration part's observed
 * waits. Censored jobs have no wait and are left out of both.
 */
public final class WaitIntervalTrainer {
  /** The default nominal coverage: 80 % intervals. */
  public static final double DEFAULT_COVERAGE = 0.8;

  private WaitIntervalTrainer() {}

  /** Trains at {@link #DEFAULT_COVERAGE} with λ = {@value LogWaitRegression#DEFAULT_LAMBDA}. */
  public static WaitIntervalModel train(TrainedRiskModel trained) {
    return train(trained, DEFAULT_COVERAGE, LogWaitRegression.ofDefaults());
  }

  /**
   * Trains.
   *
   * @throws IllegalArgumentException when {@code coverage} is not in (0,1) or the fit part has no observed wait
   */
  public static WaitIntervalModel train(TrainedRiskModel trained, double coverage, LogWaitRegression fitter) {
    if (!(coverage > 0 && coverage < 1)) {
      throw new IllegalArgumentException("coverage must be in (0,1) but was " + coverage);
    }
    Observed fit = observed(trained.fitPart());
    if (fit.x.isEmpty()) {
      throw new IllegalArgumentException("the fit part of " + trained.data().name() + " has no observed wait");
    }
    LogWaitModel regression = fitter.fit(trained.model().base(), fit.x.toArray(double[][]::new), fit.waits());
    double max = WaitRiskModel.MAX_ESTIMATED_WAIT.toSeconds();
    double maxSeconds = Math.max(max, trained.model().thresholdSeconds());
    WaitIntervalModel unc = new WaitIntervalModel(trained.model().features(), regression,
        new ConformalCalibration(Double.POSITIVE_INFINITY, 1 - coverage, 0), new double[0], maxSeconds);
    Observed cal = observed(trained.calibratePart());
    double[] residuals = new double[cal.x.size()];
    double[] scores = new double[residuals.length];
    for (int i = 0; i < scores.length; i++) {
      residuals[i] = unc.residual(cal.x.get(i), cal.w.get(i));
      scores[i] = Math.abs(residuals[i]);
    }
    ConformalCalibration c = new ConformalCalibration(SplitConformal.quantile(scores, 1 - coverage), 1 - coverage,
        scores.length);
    return new WaitIntervalModel(trained.model().features(), regression, c, residuals, maxSeconds);
  }

  /** The rows of {@code part} whose wait was observed. */
  static Observed observed(Dataset part) {
    Observed o = new Observed();
    for (int i = 0; i < part.size(); i++) {
      JobSnapshot s = part.snapshots().get(i);
      if (s.source().waitStatus() == WaitStatus.OBSERVED) {
        o.x.add(part.x()[i]);
        o.w.add(s.source().waitTime());
      }
    }
    return o;
  }

  static final class Observed {
    final List<double[]> x = new ArrayList<>();
    final List<Double> w = new ArrayList<>();

    double[] waits() {
      return w.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
