package io.vgac.agents.spi;

import static io.vgac.agents.spi.States.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.WaitPrediction;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The logistic predictor: features, the probability, the documented wait mapping, and its guards. */
class LogisticWaitPredictorTest {
  final LogisticWaitPredictor predictor = LogisticWaitPredictor.ofDefaults();

  @Test
  void featuresAreReadOffTheStateAndTheRequest() {
    ClusterState s = States.state("c", 4, 30, 70, 50, T0); // 10 nodes, 80 GPUs, 4 free
    Job j = States.job("j", "c", 8, T0);
    assertThat(QueueFeature.PENDING_RATIO.value(j, s)).isEqualTo(0.3);
    assertThat(QueueFeature.QUEUE_DEPTH_NORM.value(j, s)).isEqualTo(5.0);
    assertThat(QueueFeature.REQUESTED_GPU_SHARE.value(j, s)).isEqualTo(0.1);
    assertThat(QueueFeature.GPU_SHORTFALL.value(j, s)).isEqualTo(0.5);
    assertThat(QueueFeature.CONGESTION.value(j, s)).isEqualTo(1 - 4 / 80.0);
    ClusterState empty = States.idle("c", T0);
    Job cpu = States.job("k", "c", 0, T0);
    assertThat(QueueFeature.PENDING_RATIO.value(cpu, empty)).isZero();
    assertThat(QueueFeature.GPU_SHORTFALL.value(cpu, empty)).isZero();
  }

  @Test
  void theProbabilityIsTheLogisticOfTheLinearScore() {
    LogisticWaitPredictor p = new LogisticWaitPredictor(new LogisticWaitModel("m", -1.0,
        Map.of(QueueFeature.PENDING_RATIO, 2.0, QueueFeature.GPU_SHORTFALL, 1.0), Duration.ofSeconds(600),
        Duration.ofDays(7)));
    ClusterState s = States.state("c", 4, 30, 70, 50, T0);
    Job j = States.job("j", "c", 8, T0);
    double z = -1.0 + 2.0 * 0.3 + 1.0 * 0.5;
    WaitPrediction w = p.predict(j, s);
    assertThat(w.probabilityLongWait()).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-15));
    assertThat(w.modelVersion()).isEqualTo("m");
    assertThat(w.confidence()).isEqualTo(Math.max(w.probabilityLongWait(), 1 - w.probabilityLongWait()));
  }

  @Test
  void aFullerQueueMeansAHigherRisk() {
    Job j = States.job("j", "c", 8, T0);
    double idle = predictor.probability(j, States.idle("c", T0));
    double busy = predictor.probability(j, States.state("c", 0, 200, 80, 200, T0));
    assertThat(idle).isLessThan(0.2);
    assertThat(busy).isGreaterThan(0.9);
  }

  @Test
  void theEstimatedWaitIsTheExponentialMedian() {
    assertThat(predictor.estimatedWait(0.5)).isEqualTo(Duration.ofSeconds(600));
    assertThat(predictor.estimatedWait(0.0)).isEqualTo(Duration.ZERO);
    assertThat(predictor.estimatedWait(1.0)).isEqualTo(Duration.ofDays(7));
    assertThat(predictor.estimatedWait(0.25).toMillis()).isEqualTo(300_000); // T·ln2/ln4 = T/2
    assertThat(predictor.estimatedWait(1 - 1e-12)).isEqualTo(Duration.ofDays(7)); // capped
  }

  @Test
  void aStateOfAnotherClusterIsRejected() {
    assertThatThrownBy(() -> predictor.predict(States.job("j", "a", 1, T0), States.idle("b", T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("state.clusterId must be the job's 'a' but was 'b'");
  }

  @Property
  void predictionsAreValidForEveryState(
      @ForAll @IntRange(max = 80) int free, @ForAll @IntRange(max = 100_000) int pending,
      @ForAll @IntRange(max = 100_000) int running, @ForAll @IntRange(max = 100_000) int depth,
      @ForAll @IntRange(max = 1_000) int gpus, @ForAll @DoubleRange(min = -50, max = 50) double weight) {
    LogisticWaitPredictor p = new LogisticWaitPredictor(new LogisticWaitModel("m", weight,
        Map.of(QueueFeature.QUEUE_DEPTH_NORM, weight, QueueFeature.GPU_SHORTFALL, -weight),
        Duration.ofSeconds(600), Duration.ofDays(7)));
    WaitPrediction w = p.predict(States.job("j", "c", gpus, T0), States.state("c", free, pending, running, depth, T0));
    assertThat(w.probabilityLongWait()).isBetween(0.0, 1.0);
    assertThat(w.estimatedWait()).isBetween(Duration.ZERO, Duration.ofDays(7));
  }
}
