package io.vgac.tracelab.features;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import io.vgac.agents.model.SchedulerType;
import io.vgac.tracelab.read.Trace;
import io.vgac.tracelab.read.TraceFormat;
import io.vgac.tracelab.read.TraceJob;
import io.vgac.tracelab.read.WaitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The event sweep: jobs in submit order (ties in file order); before job i's snapshot, every start and end at or
 * before its submit time of a job submitted <em>earlier</em> is applied, using two heaps (pending by start time,
 * running by end time). Nothing about job i's own outcome, or about any later job, can reach its snapshot: a job
 * enters the heaps only after its own snapshot is taken, so dropping all later jobs leaves every earlier snapshot
 * unchanged (property-tested). O(n log n) time, O(n) memory.
 *
 * <p><b>Mapping onto the agents' model.</b> {@code ClusterState} describes one allocatable resource, the GPU. A GPU
 * trace (Alibaba pods) uses GPUs; a CPU trace (SWF) replays its processors in those slots: {@code gpus_total} =
 * machine processors, {@code gpus_available} = processors not in use, {@code gpu_utilization} = processors in use /
 * machine size, and the job's {@code gpus} = its processor request (its {@code cpus} too). {@code nodes} =
 * {@code MaxNodes} (0 when unknown); {@code queue_depth} = jobs pending in the job's own queue/partition;
 * {@code namespace} = the user ({@code unknown} when the trace has none).
 *
 * <p><b>Unknowns.</b> A job with an unknown wait is left out (it can be neither labelled nor placed in time). A
 * censored job (still pending at the end) stays pending forever. A job with an unknown run time runs for its
 * requested time, or 0 s when that is unknown too. Without a machine size in the trace, the capacity is the largest
 * use seen so far (causal) and at least the job's own request.
 */
public final class FeatureSweep {
  /** How many of a user's latest started jobs make up {@link JobSnapshot#userRecentWait()}. */
  public static final int USER_HISTORY = 5;

  private FeatureSweep() {}

  /** Sweeps every job of {@code trace}. */
  public static SweptTrace sweep(Trace trace) {
    List<TraceJob> all = trace.jobs();
    int m = all.size();
    Integer[] boxed = new Integer[m];
    int n = 0;
    for (int i = 0; i < m; i++) {
      if (all.get(i).waitStatus() != WaitStatus.UNKNOWN) {
        boxed[n++] = i;
      }
    }
    Integer[] orderIdx = Arrays.copyOf(boxed, n);
    Arrays.sort(orderIdx, (a, b) -> {
      int c = Long.compare(all.get(a).submit(), all.get(b).submit());
      return c != 0 ? c : Integer.compare(a, b);
    });
    TraceJob[] jobs = new TraceJob[n];
    for (int k = 0; k < n; k++) {
      jobs[k] = all.get(orderIdx[k]);
    }

    boolean gpu = trace.gpuUnits();
    SchedulerType scheduler = trace.format() == TraceFormat.ALIBABA_PODS ? SchedulerType.KUBERNETES
        : SchedulerType.SLURM;
    int nodes = trace.header().maxNodes().orElse(0);
    int headerCapacity = trace.capacity().orElse(0);
    String cluster = trace.name();

    double[] start = new double[n];
    double[] end = new double[n];
    int[] units = new int[n];
    double[] work = new double[n];
    int[] queueId = new int[n];
    int[] userId = new int[n];
    Map<String, Integer> queues = new HashMap<>();
    Map<String, Integer> users = new HashMap<>();
    for (int k = 0; k < n; k++) {
      TraceJob j = jobs[k];
      units[k] = gpu ? j.gpus() : j.processors();
      start[k] = j.waitStatus() == WaitStatus.OBSERVED ? j.start() : Double.POSITIVE_INFINITY;
      double run = Double.isNaN(j.run()) ? (Double.isNaN(j.requestedTime()) ? 0 : j.requestedTime()) : j.run();
      end[k] = start[k] + run;
      work[k] = Double.isNaN(j.requestedTime()) ? 0 : units[k] * j.requestedTime();
      queueId[k] = queues.computeIfAbsent(j.queue(), q -> queues.size());
      userId[k] = j.user() == null ? -1 : users.computeIfAbsent(j.user(), u -> users.size());
    }
    int[] queuePending = new int[queues.size()];
    int[] userPendingCount = new int[users.size()];
    double[][] userWaits = new double[users.size()][USER_HISTORY];
    int[] userWaitCount = new int[users.size()];

    IntHeap pendingHeap = new IntHeap(start);
    IntHeap runningHeap = new IntHeap(end);
    int pending = 0;
    int running = 0;
    long inUse = 0;
    double queuedWork = 0;
    long maxSeen = 0;
    List<JobSnapshot> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      TraceJob j = jobs[k];
      double t = j.submit();
      while (!pendingHeap.isEmpty() && start[pendingHeap.peek()] <= t) {
        int s = pendingHeap.poll();
        pending--;
        queuePending[queueId[s]]--;
        queuedWork -= work[s];
        if (userId[s] >= 0) {
          int u = userId[s];
          userPendingCount[u]--;
          userWaits[u][userWaitCount[u] % USER_HISTORY] = jobs[s].waitTime();
          userWaitCount[u]++;
        }
        running++;
        inUse += units[s];
        runningHeap.add(s);
      }
      while (!runningHeap.isEmpty() && end[runningHeap.peek()] <= t) {
        int e = runningHeap.poll();
        running--;
        inUse -= units[e];
      }
      maxSeen = Math.max(maxSeen, inUse);
      long capacity = headerCapacity > 0 ? headerCapacity : Math.max(Math.max(maxSeen, units[k]), 1);
      int cap = (int) Math.min(Integer.MAX_VALUE, capacity);
      int available = (int) Math.max(0, Math.min(cap, capacity - inUse));
      double utilisation = Math.min(1.0, (double) inUse / capacity);
      ClusterState state = new ClusterState(cluster, scheduler, nodes, cap, available, utilisation, pending, running,
          queuePending[queueId[k]], Instant.ofEpochSecond(trace.epochOffsetSeconds() + j.submit()));
      Duration requested = Double.isNaN(j.requestedTime()) ? null : Duration.ofSeconds((long) j.requestedTime());
      Job job = new Job(j.id(), cluster, j.user() == null ? "unknown" : j.user(), j.queue(),
          gpu ? j.gpus() : j.processors(), j.processors(), 0, requested, 0, state.observedAt());
      double userWait = Double.NaN;
      int userPending = 0;
      if (userId[k] >= 0) {
        int u = userId[k];
        userPending = userPendingCount[u];
        int c = Math.min(userWaitCount[u], USER_HISTORY);
        if (c > 0) {
          double sum = 0;
          for (int i = 0; i < c; i++) {
            sum += userWaits[u][i];
          }
          userWait = sum / c;
        }
      }
      out.add(new JobSnapshot(k, j, job, state, queuedWork / capacity, userWait, userPending));
      // only now does job k become part of the state the next jobs see
      pending++;
      queuePending[queueId[k]]++;
      queuedWork += work[k];
      if (userId[k] >= 0) {
        userPendingCount[userId[k]]++;
      }
      if (start[k] != Double.POSITIVE_INFINITY) {
        pendingHeap.add(k);
      }
    }
    int capacity = headerCapacity > 0 ? headerCapacity : (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxSeen));
    return new SweptTrace(trace, out, capacity);
  }

  /** A binary min-heap of indices ordered by {@code key[index]}, ties by index: no boxing on 300k-job traces. */
  static final class IntHeap {
    private final double[] key;
    private int[] heap = new int[64];
    private int size;

    IntHeap(double[] key) {
      this.key = key;
    }

    boolean isEmpty() {
      return size == 0;
    }

    int peek() {
      return heap[0];
    }

    void add(int v) {
      if (size == heap.length) {
        heap = Arrays.copyOf(heap, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (!less(v, heap[p])) {
          break;
        }
        heap[i] = heap[p];
        i = p;
      }
      heap[i] = v;
    }

    int poll() {
      int top = heap[0];
      int last = heap[--size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int c = l + 1 < size && less(heap[l + 1], heap[l]) ? l + 1 : l;
        if (!less(heap[c], last)) {
          break;
        }
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
      return top;
    }

    private boolean less(int a, int b) {
      return key[a] < key[b] || (key[a] == key[b] && a < b);
    }
  }
}
