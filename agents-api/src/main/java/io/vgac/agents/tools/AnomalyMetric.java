package io.vgac.agents.tools;

import java.util.Locale;

/** The metrics {@code tool_detect_anomaly} checks, with their wire names. */
public enum AnomalyMetric {
  /** Jobs ahead of a new one ({@code ClusterState.queueDepth}); scale floor 1 job. */
  QUEUE_DEPTH("queue_depth", 1.0),
  /** Share of GPUs allocated ({@code ClusterState.gpuUtilization}); scale floor 0.02. */
  GPU_UTIL("gpu_util", 0.02),
  /** Memory in use, as the caller feeds it ({@link EnvironmentObserver#observe(String, AnomalyMetric, java.time.Instant, double)}). */
  MEMORY("memory", 0.0);

  private final String wireName;
  private final double minScale;

  AnomalyMetric(String wireName, double minScale) {
    this.wireName = wireName;
    this.minScale = minScale;
  }

  public String wireName() {
    return wireName;
  }

  /** The smallest deviation scale, so jitter of one unit on a flat series is not an alarm. */
  public double minScale() {
    return minScale;
  }

  /** @throws IllegalArgumentException for a name that is not one of {@code queue_depth, gpu_util, memory} */
  public static AnomalyMetric of(String wireName) {
    for (AnomalyMetric m : values()) {
      if (m.wireName.equals(wireName)) {
        return m;
      }
    }
    throw new IllegalArgumentException("metric must be one of " + ToolCatalog.METRICS + " but was '" + wireName
        + "'");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
