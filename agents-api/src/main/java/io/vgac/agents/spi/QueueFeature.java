package io.vgac.agents.spi;

import io.vgac.agents.model.ClusterState;
import io.vgac.agents.model.Job;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The queue-state features of {@link LogisticWaitPredictor}, by the names used in the coefficient JSON. Every
 * feature is finite for every valid job and state, and none needs history: each is read off one
 * {@link ClusterState} and the job's request. Counts and requests also come log-scaled ({@code ln(1 + x)}), since
 * their effect on the wait is closer to multiplicative; calendar features read the submit time in UTC (a model
 * trained on one cluster learns that cluster's UTC rhythm).
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
  },
  /** {@code ln(1 + pending_jobs)}. */
  LOG_PENDING_JOBS {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.log1p(s.pendingJobs());
    }
  },
  /** {@code ln(1 + running_jobs)}. */
  LOG_RUNNING_JOBS {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.log1p(s.runningJobs());
    }
  },
  /** {@code ln(1 + queue_depth)}: jobs ahead of this one in its queue. */
  LOG_QUEUE_DEPTH {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.log1p(s.queueDepth());
    }
  },
  /** {@code ln(1 + gpus)} requested by the job. */
  LOG_REQUESTED_GPUS {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.log1p(job.gpus());
    }
  },
  /** {@code ln(1 + cpus)} requested by the job. */
  LOG_REQUESTED_CPUS {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.log1p(job.cpus());
    }
  },
  /** {@code ln(1 + seconds)} of the requested wall time; 0 when none was requested (see the next feature). */
  LOG_REQUESTED_WALL_TIME {
    @Override
    public double value(Job job, ClusterState s) {
      return job.requestedWallTime() == null ? 0 : Math.log1p(job.requestedWallTime().toSeconds());
    }
  },
  /** 1 when the job requested a wall time, else 0 (so "none requested" is not read as "zero seconds"). */
  WALL_TIME_REQUESTED {
    @Override
    public double value(Job job, ClusterState s) {
      return job.requestedWallTime() == null ? 0 : 1;
    }
  },
  /** {@code sin(2π · hour / 24)} of the submit time's UTC hour of day (with the next, a point on the clock). */
  HOUR_SIN {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.sin(2 * Math.PI * utcHour(job) / 24);
    }
  },
  /** {@code cos(2π · hour / 24)} of the submit time's UTC hour of day. */
  HOUR_COS {
    @Override
    public double value(Job job, ClusterState s) {
      return Math.cos(2 * Math.PI * utcHour(job) / 24);
    }
  },
  /** 1 when the job was submitted on a Saturday or Sunday (UTC), else 0. */
  WEEKEND {
    @Override
    public double value(Job job, ClusterState s) {
      DayOfWeek d = ZonedDateTime.ofInstant(job.submitTime(), ZoneOffset.UTC).getDayOfWeek();
      return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? 1 : 0;
    }
  };

  /** The fractional UTC hour of the job's submission, in [0, 24). */
  private static double utcHour(Job job) {
    long secondOfDay = Math.floorMod(job.submitTime().getEpochSecond(), 86_400L);
    return secondOfDay / 3600.0;
  }

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
