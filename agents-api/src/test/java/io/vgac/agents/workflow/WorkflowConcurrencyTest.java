package io.vgac.agents.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.log.InMemoryDecisionLog;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.agents.spi.States;
import io.vgac.agents.tools.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * 16 threads × 10,000 jobs (each submitted, then started) over 4 clusters: one decision per submission is logged,
 * and every outcome reaches its tracker (no lost update).
 */
class WorkflowConcurrencyTest {
  static final int THREADS = 16;
  static final int JOBS = 10_000;
  static final int CLUSTERS = 4;

  @Test
  void everyDecisionIsLoggedAndNoOutcomeIsLost() throws Exception {
    InMemoryDecisionLog log = new InMemoryDecisionLog();
    Agents a = Agents.builder()
        .clock(Clock.systemUTC())
        .decisionLog(log)
        .notifier(Notifier.none())
        .planner(Fixture.ANNOTATE_ALWAYS)
        // p from the job id, so each job has its own, reproducible prediction
        .predictor((job, state) -> new WaitPrediction(job.jobId(), pOf(job.jobId()), Duration.ofMinutes(5), 0.5,
            "hash"))
        .build();
    Instant now = Instant.now();
    for (int c = 0; c < CLUSTERS; c++) {
      a.inMemoryTelemetry().orElseThrow().put(States.idle("c" + c, now));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        SplittableRandom rnd = new SplittableRandom(thread);
        String cluster = "c" + (thread % CLUSTERS);
        int recorded = 0;
        for (int i = 0; i < JOBS; i++) {
          String id = "t" + thread + "-j" + i;
          Instant submitted = now.plusMillis(i);
          a.submit(new io.vgac.agents.model.Job(id, cluster, "u", "q", 1, 1, 1, null, 0, submitted));
          // a calibrated outcome: a long wait with probability p
          long waitSeconds = rnd.nextDouble() < pOf(id) ? 601 + rnd.nextInt(3000) : rnd.nextInt(601);
          if (a.start(cluster, id, submitted.plusSeconds(waitSeconds)).status() == StartStatus.RECORDED) {
            recorded++;
          }
        }
        return recorded;
      }));
    }
    int recorded = 0;
    for (Future<Integer> f : done) {
      recorded += f.get();
    }
    pool.shutdown();

    assertThat(recorded).isEqualTo(THREADS * JOBS);
    assertThat(log.size()).isEqualTo(THREADS * JOBS);
    for (int c = 0; c < CLUSTERS; c++) {
      assertThat(a.trackers().state("c" + c).sampleCount()).isEqualTo((long) THREADS / CLUSTERS * JOBS);
    }
    assertThat(a.workflow().pendingCount()).isZero();
    assertThat(log.records().stream().map(r -> r.env() + "/" + r.jobId()).distinct().count())
        .isEqualTo(THREADS * JOBS);
  }

  static double pOf(String jobId) {
    return Math.floorMod(jobId.hashCode() * 0x9E3779B9, 1000) / 1000.0;
  }
}
