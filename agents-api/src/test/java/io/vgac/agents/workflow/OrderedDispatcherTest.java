package io.vgac.agents.workflow;

import static io.vgac.agents.workflow.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.Agents;
import io.vgac.agents.model.Job;
import io.vgac.agents.spi.States;
import io.vgac.agents.tools.Notifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Events of a cluster run in dispatch order, whatever the pool does; clusters run side by side. */
class OrderedDispatcherTest {
  @Test
  void eachClustersEventsRunInDispatchOrder() throws Exception {
    Fixture f = new Fixture();
    Agents a = f.builder().notifier(Notifier.none()).planner(Fixture.ANNOTATE_ALWAYS)
        .evidenceRefresh(Duration.ofSeconds(1)).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    OrderedDispatcher d = new OrderedDispatcher(a.workflow(), pool);
    List<CompletableFuture<Object>> starts = new ArrayList<>();
    int n = 2_000;
    for (int c = 0; c < 4; c++) {
      Fixture.observe(a, "c" + c, T0);
    }
    for (int i = 0; i < n; i++) {
      String cluster = "c" + (i % 4);
      Job j = States.job("j" + i, cluster, 1, T0);
      d.dispatch(new JobSubmitted(j));
      // a start dispatched right after its submission must find the job pending: order is kept
      starts.add(d.dispatch(new JobStarted(cluster, j.jobId(), T0.plus(Duration.ofSeconds(i)))));
    }
    for (CompletableFuture<Object> s : starts) {
      assertThat(((StartResult) s.get()).status()).isEqualTo(StartStatus.RECORDED);
    }
    pool.shutdown();
    for (int c = 0; c < 4; c++) {
      var state = a.trackers().state("c" + c);
      assertThat(state.sampleCount()).isEqualTo(n / 4);
      // the tracker saw the outcomes in order: its last update is the last dispatched start of the cluster
      assertThat(state.lastUpdate()).isEqualTo(T0.plusSeconds(n - 4 + c));
    }
    assertThat(f.log.size()).isEqualTo(n);
  }

  @Test
  void aFailedEventCompletesExceptionallyAndTheNextOnesStillRun() throws Exception {
    Fixture f = new Fixture();
    Agents a = f.builder().notifier(Notifier.none()).build();
    Fixture.observe(a, "c", T0);
    OrderedDispatcher d = new OrderedDispatcher(a.workflow(), Runnable::run);
    Job j = States.job("j", "c", 1, T0);
    d.dispatch(new JobSubmitted(j));
    CompletableFuture<Object> bad = d.dispatch(new JobStarted("c", "j", T0.minusSeconds(1)));
    CompletableFuture<Object> good = d.dispatch(new JobStarted("c", "j", T0.plusSeconds(1)));
    assertThat(bad).isCompletedExceptionally();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(bad::get)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(((StartResult) good.get()).status()).isEqualTo(StartStatus.RECORDED);
  }
}
