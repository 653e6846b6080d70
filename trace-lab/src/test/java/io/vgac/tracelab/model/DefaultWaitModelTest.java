package io.vgac.tracelab.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.tracelab.eval.ModelCard;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.read.Traces;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The agents' bundled default model is {@code ./vgac train} on the bundled KTH-SP2 trace: training again gives the
 * shipped file byte for byte (so its note, metadata and coefficients cannot drift from what the code produces).
 */
class DefaultWaitModelTest {
  /** What cli's TrainCommand passes for {@code ./vgac train --trace …/KTH-SP2-1996-2.1-cln.swf.gz}. */
  static final String COMMAND = "./vgac train --trace " + Traces.KTH_SP2;
  static final String VERSION = "trace-lab-kth-sp2-1";

  @Test
  void retrainingOnKthSp2ReproducesTheShippedDefaultExactly() throws Exception {
    TrainingConfig config = TrainingConfig.ofDefaults();
    TrainedRiskModel trained = RiskModelTrainer.train(FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2)), config);
    String json = ModelCard.of(trained, config, Traces.KTH_SP2, COMMAND).json(VERSION);
    String shipped;
    try (InputStream in = LogisticWaitModel.class.getResourceAsStream(LogisticWaitModel.DEFAULT_RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(shipped);
    assertThat(LogisticWaitModel.defaultModel()).isEqualTo(trained.model().toWaitModel(VERSION));
  }
}
