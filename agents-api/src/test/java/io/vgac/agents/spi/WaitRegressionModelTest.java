package io.vgac.agents.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import org.junit.jupiter.api.Test;

/** The optional wait part of the model file: old files load unchanged, new ones give a median and an interval. */
class WaitRegressionModelTest {
  static final String OLD = "{\"model_version\":\"m1\",\"long_wait_threshold_seconds\":600,"
      + "\"max_estimated_wait_seconds\":604800,\"intercept\":-1.0,\"coefficients\":{\"pending_ratio\":2.0}}";
  static final String NEW = OLD.substring(0, OLD.length() - 1) + ",\"wait_regression\":{\"intercept\":"
      + Math.log1p(2700) + ",\"coefficients\":{\"pending_ratio\":0.0},\"interval_radius\":1.0,"
      + "\"interval_coverage\":0.8}}";

  @Test
  void oldFilesLoadWithoutAWaitPartAndGiveNoInterval() {
    LogisticWaitModel m = LogisticWaitModel.fromJson(OLD);
    assertThat(m.waitRegression()).isNull();
    assertThat(LogisticWaitModel.defaultModel().waitRegression()).isNull();
    Job job = States.job("j", "c", 1, States.T0);
    ClusterState s = States.idle("c", States.T0);
    assertThat(new LogisticWaitPredictor(m).predict(job, s).interval()).isNull();
  }

  @Test
  void newFilesGiveTheRegressionsMedianAndTheStaticInterval() {
    LogisticWaitModel m = LogisticWaitModel.fromJson(NEW);
    assertThat(m.waitRegression()).isNotNull();
    WaitPrediction p = new LogisticWaitPredictor(m).predict(States.job("j", "c", 1, States.T0),
        States.idle("c", States.T0));
    assertThat(p.estimatedWait().toSeconds()).isEqualTo(2700);
    assertThat(p.interval()).isNotNull();
    assertThat(p.interval().lo()).isCloseTo(Math.expm1(Math.log1p(2700) - 1), org.assertj.core.api.Assertions.offset(1e-6));
    assertThat(p.interval().hi()).isCloseTo(Math.expm1(Math.log1p(2700) + 1), org.assertj.core.api.Assertions.offset(1e-6));
    assertThat(p.interval().coverage()).isEqualTo(0.8);
    assertThat(p.probabilityLongWait()).isEqualTo(new LogisticWaitPredictor(LogisticWaitModel.fromJson(OLD))
        .predict(States.job("j", "c", 1, States.T0), States.idle("c", States.T0)).probabilityLongWait());
  }

  @Test
  void aBadWaitPartNamesTheField() {
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(NEW.replace("\"interval_radius\"", "\"radius\"")))
        .hasMessageContaining("wait_regression.radius");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(NEW.replace("\"interval_coverage\":0.8",
        "\"interval_coverage\":1.5"))).hasMessageContaining("wait_regression.interval_coverage");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(NEW.replace("\"interval_radius\":1.0",
        "\"interval_radius\":-1"))).hasMessageContaining("wait_regression.interval_radius");
    assertThatThrownBy(() -> LogisticWaitModel.fromJson(NEW.replace("{\"pending_ratio\":0.0}",
        "{\"nope\":0.0}"))).hasMessageContaining("wait_regression.coefficients.nope");
  }
}
