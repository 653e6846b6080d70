package io.vgac.tracelab.features;

import io.vgac.agents.spi.QueueFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * An ordered set of named features of a {@link JobSnapshot}. {@link #AGENTS} uses only the agents' own
 * {@link QueueFeature}s, computed by {@link QueueFeature#value} on the snapshot's job and state — so a model on it
 * saves to the file the agents' default predictor loads and predicts exactly what trace-lab predicted. {@link #RICH}
 * adds what a cluster state cannot carry (per-user history, queued work) for the feature-richness comparison;
 * {@link #BASIC} is the original five queue ratios.
 *
 * @param name short name
 * @param features the features, in column order
 */
public record FeatureSet(String name, List<Feature> features) {
  /** One named feature. */
  public record Feature(String name, ToDoubleFunction<JobSnapshot> value, Optional<QueueFeature> queueFeature) {}

  /** The five queue ratios of the original placeholder model. */
  public static final FeatureSet BASIC = ofQueueFeatures("basic", QueueFeature.PENDING_RATIO,
      QueueFeature.QUEUE_DEPTH_NORM, QueueFeature.REQUESTED_GPU_SHARE, QueueFeature.GPU_SHORTFALL,
      QueueFeature.CONGESTION);
  /** Every {@link QueueFeature}: what the agents' predictor can compute, and what the demo's model uses. */
  public static final FeatureSet AGENTS = ofQueueFeatures("agents", QueueFeature.values());
  /** {@link #AGENTS} plus queued work ahead, the user's recent waits and pending jobs (log-scaled). */
  public static final FeatureSet RICH = AGENTS.plus("rich",
      new Feature("log_queued_work", s -> Math.log1p(s.queuedWork()), Optional.empty()),
      new Feature("log_user_recent_wait", s -> Double.isNaN(s.userRecentWait()) ? 0 : Math.log1p(s.userRecentWait()),
          Optional.empty()),
      new Feature("user_history_known", s -> Double.isNaN(s.userRecentWait()) ? 0 : 1, Optional.empty()),
      new Feature("log_user_pending", s -> Math.log1p(s.userPending()), Optional.empty()));

  public FeatureSet {
    features = List.copyOf(features);
  }

  /** A set of queue features. */
  public static FeatureSet ofQueueFeatures(String name, QueueFeature... features) {
    List<Feature> list = new ArrayList<>();
    for (QueueFeature f : features) {
      list.add(new Feature(f.wireName(), s -> f.value(s.job(), s.state()), Optional.of(f)));
    }
    return new FeatureSet(name, list);
  }

  /** This set plus {@code more}, under a new name. */
  public FeatureSet plus(String newName, Feature... more) {
    List<Feature> list = new ArrayList<>(features);
    list.addAll(Arrays.asList(more));
    return new FeatureSet(newName, list);
  }

  /** The set by name: basic, agents or rich. */
  public static FeatureSet named(String name) {
    for (FeatureSet s : List.of(BASIC, AGENTS, RICH)) {
      if (s.name.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("not a feature set: '" + name + "' (known: basic, agents, rich)");
  }

  public int size() {
    return features.size();
  }

  public List<String> names() {
    return features.stream().map(Feature::name).toList();
  }

  /** True when every feature is a {@link QueueFeature} (a model on it can be saved for the agents). */
  public boolean agentsCompatible() {
    return features.stream().allMatch(f -> f.queueFeature().isPresent());
  }

  /** The feature vector of one snapshot. */
  public double[] values(JobSnapshot s) {
    double[] x = new double[features.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = features.get(i).value().applyAsDouble(s);
    }
    return x;
  }
}
