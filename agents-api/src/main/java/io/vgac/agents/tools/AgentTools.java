package io.vgac.agents.tools;

import io.vgac.agents.gate.GatedActions;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Wires the design's tools into a {@link ToolRegistry}, in {@link ToolCatalog}'s order:
 *
 * <ul>
 *   <li>always: the calibrator tools and {@code tool_get_calibration_score} / {@code tool_get_environment_profile}
 *       over the trackers and profiles ({@link CalibrationTools}), and the three notification tools over the alert
 *       sink (default: the SLF4J log);
 *   <li>with {@link Builder#actions}: {@code tool_requeue_job} and {@code tool_adjust_priority} through the gate;
 *   <li>only when the caller supplies their handler: the observer tools and {@code tool_predict_wait_time} (whose
 *       predictor is wrapped in {@link CalibratedPredictionTool}). No data is ever made up for a tool without one.
 * </ul>
 *
 * <pre>{@code
 * ToolRegistry tools = AgentTools.builder(trackers)
 *     .actions(gatedActions, jobDirectory)
 *     .notifier(slackNotifier)
 *     .predictor((jobId, clusterId) -> myPredictor.predict(jobId, clusterId))
 *     .build();
 * }</pre>
 */
public final class AgentTools {
  private AgentTools() {}

  public static Builder builder(EnvironmentTrackers trackers) {
    return new Builder(trackers);
  }

  /** Collects what the tools run over; every setter is optional. */
  public static final class Builder {
    private final EnvironmentTrackers trackers;
    private EnvironmentProfiles profiles = EnvironmentProfiles.inMemory();
    private @Nullable CachedProfiles learned;
    private String recalibrationMethod = CalibrationTools.DEFAULT_RECALIBRATION_METHOD;
    private @Nullable GatedActions gated;
    private JobDirectory jobs = new InMemoryJobDirectory();
    private Notifier sink = Notifier.logging();
    private String alertChannel = ActorTools.DEFAULT_ALERT_CHANNEL;
    private final Map<String, ToolHandler> supplied = new LinkedHashMap<>();
    private @Nullable PredictionFunction predictionFunction;
    private @Nullable IntervalController intervals;

    private Builder(EnvironmentTrackers trackers) {
      this.trackers = trackers;
    }

    /** The profile store (default: a new in-memory one). */
    public Builder profiles(EnvironmentProfiles profiles) {
      this.profiles = profiles;
      return this;
    }

    /** Learned profiles served by {@code tool_get_environment_profile} beside the stored metrics (default: none). */
    public Builder learnedProfiles(CachedProfiles learned) {
      this.learned = learned;
      return this;
    }

    /** The method recorded by {@code tool_trigger_recalibration} (default {@value CalibrationTools#DEFAULT_RECALIBRATION_METHOD}). */
    public Builder recalibrationMethod(String method) {
      if (method.isBlank()) {
        throw new IllegalArgumentException("recalibrationMethod must not be blank but was '" + method + "'");
      }
      this.recalibrationMethod = method;
      return this;
    }

    /** Registers the gated scheduler tools over {@code gated}, finding jobs in {@code jobs}. */
    public Builder actions(GatedActions gated, JobDirectory jobs) {
      this.gated = gated;
      this.jobs = jobs;
      return this;
    }

    /** Where messages, alerts and escalations go (default: the SLF4J log). */
    public Builder notifier(Notifier sink) {
      this.sink = sink;
      return this;
    }

    /** The alert channel (default {@value ActorTools#DEFAULT_ALERT_CHANNEL}). */
    public Builder alertChannel(String channel) {
      if (channel.isBlank()) {
        throw new IllegalArgumentException("alertChannel must not be blank but was '" + channel + "'");
      }
      this.alertChannel = channel;
      return this;
    }

    /** Registers {@code tool_get_cluster_state} with {@code handler}. */
    public Builder clusterState(ToolHandler handler) {
      return supply(ToolCatalog.GET_CLUSTER_STATE, handler);
    }

    /** Registers {@code tool_get_queue_depth} with {@code handler}. */
    public Builder queueDepth(ToolHandler handler) {
      return supply(ToolCatalog.GET_QUEUE_DEPTH, handler);
    }

    /** Registers {@code tool_detect_anomaly} with {@code handler}. */
    public Builder anomalyDetection(ToolHandler handler) {
      return supply(ToolCatalog.DETECT_ANOMALY, handler);
    }

    /** Registers {@code tool_predict_wait_time} over {@code predictor}, behind the ESCALATE rule. */
    public Builder predictor(PredictionFunction predictor) {
      this.predictionFunction = predictor;
      return supply(ToolCatalog.PREDICT_WAIT_TIME, new CalibratedPredictionTool(predictor, trackers, intervals));
    }

    /**
     * The wait-interval controller whose issued intervals and realised coverage {@code tool_predict_wait_time}
     * reports (default: none — the predictor's own interval, no realised coverage).
     */
    public Builder intervals(IntervalController controller) {
      this.intervals = controller;
      return predictionFunction == null ? this : predictor(predictionFunction);
    }

    private Builder supply(String name, ToolHandler handler) {
      supplied.put(name, handler);
      return this;
    }

    public ToolRegistry build() {
      CalibrationTools cal = new CalibrationTools(trackers, profiles, recalibrationMethod);
      if (learned != null) {
        cal.learnedProfiles(learned);
      }
      ActorTools act = new ActorTools(gated, jobs, sink, alertChannel);
      Map<String, ToolHandler> handlers = new LinkedHashMap<>(supplied);
      handlers.put(ToolCatalog.GET_CALIBRATION_SCORE, cal::calibrationScore);
      handlers.put(ToolCatalog.GET_ENVIRONMENT_PROFILE, cal::getProfile);
      handlers.put(ToolCatalog.CHECK_CALIBRATION_DRIFT, cal::checkDrift);
      handlers.put(ToolCatalog.TRIGGER_RECALIBRATION, cal::triggerRecalibration);
      handlers.put(ToolCatalog.UPDATE_ENVIRONMENT_PROFILE, cal::updateProfile);
      handlers.put(ToolCatalog.GET_ALL_CALIBRATIONS, cal::allCalibrations);
      handlers.put(ToolCatalog.SEND_SLACK_NOTIFICATION, act::sendNotification);
      handlers.put(ToolCatalog.CREATE_ALERT, act::createAlert);
      handlers.put(ToolCatalog.ESCALATE_TO_HUMAN, act::escalate);
      if (gated != null) {
        handlers.put(ToolCatalog.REQUEUE_JOB, act::requeue);
        handlers.put(ToolCatalog.ADJUST_PRIORITY, act::adjustPriority);
      }
      ToolRegistry.Builder b = ToolRegistry.builder();
      for (ToolSpec spec : ToolCatalog.all()) {
        ToolHandler h = handlers.get(spec.name());
        if (h != null) {
          b.add(spec, h);
        }
      }
      return b.build();
    }
  }
}
