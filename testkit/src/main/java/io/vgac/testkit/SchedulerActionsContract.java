package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vgac.agents.gate.PriorityLevel;
import io.vgac.agents.gate.ProposedAction;
import io.vgac.agents.gate.SchedulerActions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SchedulerActions}: every implementation's test extends this class, implements
 * {@link #create} against its (fake) scheduler holding the pending job {@link #JOB} in cluster {@link #CLUSTER}, and
 * reports what reached the scheduler in {@link #applied}. Covers: each action with every value the gate can send
 * (every {@link PriorityLevel}, queue names and labels with non-ASCII text, a long reason) is accepted and reaches the
 * scheduler once, unchanged; calls from several threads are all applied (implementations are called concurrently
 * by the workflow); an implementation that is {@link AutoCloseable} is closed after each test.
 *
 * <p>What this cannot check generically — that the scheduler really moved the job — belongs in the
 * implementation's own integration test; {@link #applied} is where its fake scheduler reports it.
 */
public abstract class SchedulerActionsContract {
  /** The cluster of the contract's job. */
  protected static final String CLUSTER = "contract-cluster";
  /** The pending job every call names. */
  protected static final String JOB = "contract-job-1";
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 250;

  /** The implementation under test. */
  protected SchedulerActions actions;

  /** What reached the scheduler, in the order applied. */
  public record Applied(ProposedAction action, String clusterId, String jobId, String argument) {}

  /** A new implementation whose scheduler holds {@link #JOB}, pending, in {@link #CLUSTER}. */
  protected abstract SchedulerActions create() throws Exception;

  /**
   * Everything the scheduler behind {@code actions} has applied so far, oldest first. The argument is the target
   * queue of a requeue, the {@link PriorityLevel} name of a priority change, {@code key=value} of an annotation and
   * the reason of a hold.
   */
  protected abstract List<Applied> applied(SchedulerActions actions) throws Exception;

  @BeforeEach
  void createActions() throws Exception {
    actions = create();
  }

  @AfterEach
  void closeActions() throws Exception {
    if (actions instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Test
  void eachActionReachesTheSchedulerOnceAndUnchanged() throws Exception {
    String queue = "gpu-large-épreuve";
    String reason = "Very likely long wait (p = 0.950): confirm before it runs — ".repeat(20).strip();
    actions.requeue(CLUSTER, JOB, queue);
    actions.annotate(CLUSTER, JOB, "vgac.io/long-wait-risk", "0.950");
    actions.hold(CLUSTER, JOB, reason);
    assertThat(applied(actions)).containsExactly(
        new Applied(ProposedAction.REQUEUE, CLUSTER, JOB, queue),
        new Applied(ProposedAction.ANNOTATE, CLUSTER, JOB, "vgac.io/long-wait-risk=0.950"),
        new Applied(ProposedAction.HOLD, CLUSTER, JOB, reason));
  }

  @Test
  void everyPriorityLevelIsAccepted() throws Exception {
    List<Applied> want = new ArrayList<>();
    for (PriorityLevel level : PriorityLevel.values()) {
      assertThatCode(() -> actions.adjustPriority(CLUSTER, JOB, level)).as("%s", level).doesNotThrowAnyException();
      want.add(new Applied(ProposedAction.ADJUST_PRIORITY, CLUSTER, JOB, level.name()));
    }
    assertThat(applied(actions)).containsExactlyElementsOf(want);
  }

  @Test
  void concurrentCallsAreAllApplied() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            actions.annotate(CLUSTER, JOB, "thread-" + thread, Integer.toString(i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Applied> applied = applied(actions);
    assertThat(applied).hasSize(THREADS * CALLS_PER_THREAD);
    for (int t = 0; t < THREADS; t++) {
      String prefix = "thread-" + t + "=";
      List<String> mine = applied.stream().map(Applied::argument).filter(a -> a.startsWith(prefix)).toList();
      assertThat(mine).as("one thread's calls, in its order").hasSize(CALLS_PER_THREAD)
          .isSortedAccordingTo((a, b) -> Integer.compare(
              Integer.parseInt(a.substring(prefix.length())), Integer.parseInt(b.substring(prefix.length()))));
    }
  }
}
