package io.vgac.testkit.spi;

import io.vgac.agents.spi.LogisticWaitPredictor;
import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.testkit.WaitTimePredictorContract;

/** The embedded predictor with its bundled coefficients. */
class LogisticWaitPredictorTest extends WaitTimePredictorContract {

  @Override
  protected WaitTimePredictor create() {
    return LogisticWaitPredictor.ofDefaults();
  }
}
