package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The queue-state features of {@link LogisticWaitPredictor}, by the names used in the coefficient JSON. Every
 * feature is finite for every valid job and state, and none needs history: each is read off one
 * {@link ClusterState} and the job's request.
 */
public enum QueueFeature {
  /** {@code pending / (pending + running)}; 0 when the cluster runs and queues nothing. */
  PENDING_RATIO {
    @Override
    public double value(Job job, ClusterState s) {
      long total = (long) s.pendingJobs() + s.runningJobs();
      return total == 0 ? 0 : (double) s.pendingJobs() / total;
    }
  },
  /** Jobs ahead of the new one per schedulable node: {@code queue_depth / max(1, nodes)}. */
  QUEUE_DEPTH_NORM {
    @Override
    public double value(Job job, ClusterState s) {
      return (double) s.queueDepth() / Math.max(1, s.nodes());
    }
  },
  /** Share of the cluster's GPUs the job asks for: {@code min(1, gpus / max(1, gpus_total))}. */
  REQUESTED_GPU_SHARE {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.min(1.0, (double) job.gpus() / Math.max(1, s.gpusTotal()));
    }
  },
  /**
   * Share of the job's GPUs that are not free now: {@code max(0, gpus − gpus_available) / gpus}; 0 for a job that
   * fits (or asks for no GPU), 1 when none of its GPUs is free.
   */
  GPU_SHORTFALL {
    @Override
    public double value(Job job, ClusterState s) {
      if (job.gpus() == 0) {
        return 0;
      }
      return (double) Math.max(0, job.gpus() - s.gpusAvailable()) / job.gpus();
    }
  },
  /** Congestion: the share of GPUs allocated ({@link ClusterState#gpuUtilization()}). */
  CONGESTION {
    @Override
    public double value(Job job, ClusterState s) {
      return s.gpuUtilization();
    }
  };

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The feature's value for {@code job} in {@code state}. */
  public abstract double value(Job job, ClusterState state);

  /** The name in the coefficient JSON, e.g. {@code pending_ratio}. */
  public String wireName() {
    return wireName;
  }

  /** The feature named {@code wireName}. */
  public static QueueFeature fromWireName(String wireName) {
    for (QueueFeature f : values()) {
      if (f.wireName.equals(wireName)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Not a queue feature: '" + wireName + "' (known: " + known() + ")");
  }

  /** The known names, comma-separated, in declaration order. */
  public static String known() {
    return Arrays.stream(values()).map(QueueFeature::wireName).collect(Collectors.joining(", "));
  }
}
