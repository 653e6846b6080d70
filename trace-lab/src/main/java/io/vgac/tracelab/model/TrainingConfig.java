package io.vgac.tracelab.model;

import io.vgac.tracelab.features.FeatureSet;
import io.vgac.tracelab.features.LabelRule;
import io.vgac.tracelab.features.TimeSplit;

/**
 * How {@link RiskModelTrainer} trains.
 *
 * @param features the feature set ({@link FeatureSet#AGENTS} to save a model for the agents)
 * @param label the label rule
 * @param lambda the L2 strength (≥ 0)
 * @param fitShare the share of labelled jobs (earliest first) the regression is fitted on
 * @param calibrateShare the next share, on which the Platt calibrator is fitted; the rest is the test part
 */
public record TrainingConfig(
    FeatureSet features, LabelRule label, double lambda, double fitShare, double calibrateShare) {

  public TrainingConfig {
    if (!(lambda >= 0 && Double.isFinite(lambda))) {
      throw new IllegalArgumentException("lambda must be a finite number ≥ 0 but was " + lambda);
    }
    TimeSplit.of(100, fitShare, calibrateShare); // validates the shares
  }

  /** The agents' features, wait &gt; 600 s, λ = 1, 60/20/20. */
  public static TrainingConfig ofDefaults() {
    return new TrainingConfig(FeatureSet.AGENTS, LabelRule.DEFAULT, LogisticRegression.DEFAULT_LAMBDA,
        TimeSplit.DEFAULT_FIT, TimeSplit.DEFAULT_CALIBRATE);
  }

  public TrainingConfig withLabel(LabelRule rule) {
    return new TrainingConfig(features, rule, lambda, fitShare, calibrateShare);
  }

  public TrainingConfig withFeatures(FeatureSet set) {
    return new TrainingConfig(set, label, lambda, fitShare, calibrateShare);
  }
}
