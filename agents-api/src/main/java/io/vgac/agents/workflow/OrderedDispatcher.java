package io.vgac.agents.workflow;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a workflow's events asynchronously on an {@link Executor}, strictly in dispatch order per cluster and in
 * parallel across clusters: each cluster has a serial queue, drained by at most one task at a time. Use it when
 * events of one cluster arrive on several threads (e.g. a scheduler's event stream fanned out) and must still be
 * processed in the order they were received.
 *
 * <p>Each event's future completes with the workflow's result ({@link SubmissionResult}, {@link StartResult} or a
 * Boolean), or exceptionally with what the workflow threw (e.g. a start before its submission); a failed event
 * does not stop the ones after it. Thread-safe. The per-cluster queues are kept for the dispatcher's life (one small
 * object per cluster).
 */
public final class OrderedDispatcher {
  private final AgentWorkflow workflow;
  private final Executor executor;
  private final ConcurrentHashMap<String, SerialQueue> queues = new ConcurrentHashMap<>();

  public OrderedDispatcher(AgentWorkflow workflow, Executor executor) {
    this.workflow = workflow;
    this.executor = executor;
  }

  /** Queues {@code event} behind the earlier events of its cluster. */
  public CompletableFuture<Object> dispatch(WorkflowEvent event) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    queues.computeIfAbsent(event.clusterId(), k -> new SerialQueue()).add(() -> {
      try {
        result.complete(workflow.handle(event));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** One cluster's queue: tasks run one at a time, in insertion order. */
  private final class SerialQueue {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    void add(Runnable task) {
      tasks.add(task);
      schedule();
    }

    private void schedule() {
      if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }

    private void drain() {
      try {
        Runnable t;
        while ((t = tasks.poll()) != null) {
          t.run();
        }
      } finally {
        draining.set(false);
        // a task added after the last poll but before the flag was cleared would otherwise wait forever
        schedule();
      }
    }
  }
}
