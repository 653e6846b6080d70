package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.WaitTimePredictor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WaitTimePredictor}: every implementation's test extends this class and implements
 * {@link #create}. Over a grid of edge cases (idle and saturated clusters, empty clusters, jobs with no GPU and jobs
 * larger than the cluster) and seeded random valid inputs: the probability of a long wait is in [0,1], the
 * estimated wait ≥ 0, the prediction is for the job asked about, the same inputs give the same prediction (also
 * from concurrent callers), and a state of another cluster is rejected with an IllegalArgumentException naming both
 * clusters.
 */
public abstract class WaitTimePredictorContract {
  /** The submission time of the contract's jobs. */
  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final int RANDOM_CASES = 500;
  private static final int THREADS = 8;

  /** The predictor under test. */
  protected WaitTimePredictor predictor;

  /** A new predictor. */
  protected abstract WaitTimePredictor create() throws Exception;

  @BeforeEach
  void createPredictor() throws Exception {
    predictor = create();
  }

  /** One input: a job and the state of its cluster. */
  protected record Case(Job job, ClusterState state) {}

  /** The edge cases, then {@value #RANDOM_CASES} seeded random valid inputs. */
  protected static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    int[][] clusters = { // nodes, gpus total, gpus available, pending, running, queue depth
        {10, 80, 80, 0, 0, 0}, {10, 80, 0, 500, 80, 500}, {10, 80, 40, 5, 20, 5}, {0, 0, 0, 0, 0, 0},
        {1, 1, 1, 0, 1, 0}, {1000, 8000, 0, 100_000, 8000, 100_000}};
    int[] gpus = {0, 1, 8, 80, 10_000};
    int n = 0;
    for (int[] c : clusters) {
      for (int g : gpus) {
        ClusterState s = new ClusterState("c", SchedulerType.SLURM, c[0], c[1], c[2],
            c[1] == 0 ? 0 : 1 - (double) c[2] / c[1], c[3], c[4], c[5], T0);
        out.add(new Case(job("edge-" + n++, g), s));
      }
    }
    Random rnd = new Random(20260105);
    for (int i = 0; i < RANDOM_CASES; i++) {
      int total = rnd.nextInt(2000);
      int available = total == 0 ? 0 : rnd.nextInt(total + 1);
      ClusterState s = new ClusterState("c", SchedulerType.values()[rnd.nextInt(SchedulerType.values().length)],
          rnd.nextInt(300), total, available, total == 0 ? 0 : 1 - (double) available / total, rnd.nextInt(5000),
          rnd.nextInt(5000), rnd.nextInt(5000), T0);
      out.add(new Case(job("random-" + i, rnd.nextInt(64)), s));
    }
    return out;
  }

  private static Job job(String id, int gpus) {
    return new Job(id, "c", "alice", "gpu", gpus, 8, 32_768, Duration.ofHours(2), 0, T0);
  }

  @Test
  void everyPredictionIsAProbabilityAndANonNegativeWaitForTheJobAskedAbout() {
    for (Case c : cases()) {
      WaitPrediction w = predictor.predict(c.job(), c.state());
      assertThat(w.jobId()).as("%s", c).isEqualTo(c.job().jobId());
      assertThat(w.probabilityLongWait()).as("%s", c).isBetween(0.0, 1.0);
      assertThat(w.estimatedWait()).as("%s", c).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(w.confidence()).as("%s", c).isBetween(0.0, 1.0);
      assertThat(w.modelVersion()).as("%s", c).isNotBlank();
    }
  }

  @Test
  void theSameInputsGiveTheSamePrediction() throws Exception {
    List<Case> cases = cases();
    List<WaitPrediction> first = new ArrayList<>();
    for (Case c : cases) {
      first.add(predictor.predict(c.job(), c.state()));
    }
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      assertThat(predictor.predict(c.job(), c.state())).as("%s", c).isEqualTo(first.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<WaitPrediction>>> concurrent = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        concurrent.add(pool.submit(() -> {
          start.await();
          List<WaitPrediction> out = new ArrayList<>();
          for (Case c : cases) {
            out.add(predictor.predict(c.job(), c.state()));
          }
          return out;
        }));
      }
      start.countDown();
      for (Future<List<WaitPrediction>> f : concurrent) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStateOfAnotherClusterIsRejectedNamingBoth() {
    Job job = job("j1", 4);
    ClusterState other = new ClusterState("other-cluster", SchedulerType.KUBERNETES, 10, 80, 40, 0.5, 5, 20, 5, T0);
    assertThatThrownBy(() -> predictor.predict(job, other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'c'").hasMessageContaining("'other-cluster'");
  }
}
