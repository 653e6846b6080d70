package io.vgac.agents.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.agents.intervals.IntervalController;
import io.vgac.agents.intervals.IntervalCoverage;
import io.vgac.agents.model.AgentsJson;
import io.vgac.agents.model.WaitInterval;
import io.vgac.agents.model.WaitPrediction;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The handler of {@code tool_predict_wait_time}: asks a {@link PredictionFunction} only when the cluster's
 * calibration allows it. Under the ESCALATE scope (low calibration, learning mode, unknown cluster, or critical
 * drift) the predictor is not called and the data carries no value, with the design's message
 * {@value #UNRELIABLE}; under NOTIFY the prediction is returned flagged {@code uncertain}; under AUTONOMOUS it is
 * returned as is.
 *
 * <p>Data: {@code {job_id, cluster_id, prediction (null under ESCALATE), action_scope, calibration_score,
 * sample_count, is_learning_mode, uncertain, message}}; {@code prediction} is the {@link WaitPrediction} in the
 * model's wire form plus {@code estimated_wait_minutes}. With a prediction, also {@code wait_seconds},
 * {@code interval} ({@code {lo, hi, coverage}} in seconds, null when the predictor gives none),
 * {@code probability_long_wait}, {@code confidence} and {@code text} (the {@link WaitText} sentence). The
 * environment's evidence always carries {@code ece} and, with an {@link IntervalController},
 * {@code interval_coverage}: {@code {nominal, realised, ci: [lo, hi], scored}} (realised coverage of the
 * environment's scored intervals with its Wilson interval; nulls before the first outcome). The interval given is the
 * one the controller issued to the job at submission when there is one.
 */
public final class CalibratedPredictionTool implements ToolHandler {
  /** The design's message for predictions under ESCALATE. */
  public static final String UNRELIABLE = "Predictions unreliable for this environment";

  private final PredictionFunction predictor;
  private final EnvironmentTrackers trackers;
  private final @Nullable IntervalController intervals;

  public CalibratedPredictionTool(PredictionFunction predictor, EnvironmentTrackers trackers) {
    this(predictor, trackers, null);
  }

  /** A tool that reports the intervals issued by {@code intervals} and their realised coverage. */
  public CalibratedPredictionTool(PredictionFunction predictor, EnvironmentTrackers trackers,
      @Nullable IntervalController intervals) {
    this.predictor = predictor;
    this.trackers = trackers;
    this.intervals = intervals;
  }

  @Override
  public ToolResult handle(ToolArguments args) throws Exception {
    String jobId = args.string("job_id");
    String clusterId = args.string("cluster_id");
    EnvironmentState s = trackers.state(clusterId);
    Scope scope = s.scope();
    ObjectNode data = Wire.object();
    data.put("job_id", jobId);
    data.put("cluster_id", clusterId);
    if (scope == Scope.ESCALATE) {
      data.putNull("prediction");
      fill(data, s, true, UNRELIABLE);
      return ToolResult.ok(data);
    }
    WaitPrediction p = predictor.predict(jobId, clusterId);
    if (p == null) {
      return ToolResult.failure("The predictor returned no prediction for job " + jobId);
    }
    if (!p.jobId().equals(jobId)) {
      return ToolResult.failure("The predictor answered for job " + p.jobId() + " instead of " + jobId);
    }
    // the scope is read again: an outcome recorded while predicting may have narrowed it
    EnvironmentState now = trackers.state(clusterId);
    if (now.scope() == Scope.ESCALATE) {
      data.putNull("prediction");
      fill(data, now, true, UNRELIABLE);
      return ToolResult.ok(data);
    }
    if (intervals != null) {
      p = intervals.issued(clusterId, p);
    }
    JsonNode prediction = AgentsJson.mapper().valueToTree(p);
    ((ObjectNode) prediction).put("estimated_wait_minutes", p.estimatedWait().toSeconds() / 60.0);
    data.set("prediction", prediction);
    Wire.number(data, "wait_seconds", p.estimatedWait().toNanos() / 1e9);
    WaitInterval wi = p.interval();
    if (wi == null) {
      data.putNull("interval");
    } else {
      ObjectNode i = data.putObject("interval");
      Wire.number(i, "lo", wi.lo());
      Wire.number(i, "hi", wi.hi());
      Wire.number(i, "coverage", wi.coverage());
    }
    Wire.number(data, "probability_long_wait", p.probabilityLongWait());
    Wire.number(data, "confidence", p.confidence());
    IntervalCoverage cov = intervals == null ? null : intervals.coverage(clusterId);
    data.put("text", WaitText.prediction(p, cov == null ? Double.NaN : cov.coverage(), now.calibrationScore()));
    boolean uncertain = now.scope() == Scope.NOTIFY;
    fill(data, now, uncertain, uncertain
        ? String.format(Locale.ROOT, "Moderate calibration (%.2f): treat this prediction as uncertain",
            now.calibrationScore())
        : String.format(Locale.ROOT, "Calibrated prediction (calibration %.2f)", now.calibrationScore()));
    return ToolResult.ok(data);
  }

  private void fill(ObjectNode data, EnvironmentState s, boolean uncertain, String message) {
    data.put("action_scope", s.scope().name());
    Wire.number(data, "calibration_score", s.calibrationScore());
    Wire.number(data, "ece", s.windowEce());
    if (intervals != null) {
      IntervalCoverage c = intervals.coverage(s.envId());
      ObjectNode o = data.putObject("interval_coverage");
      Wire.number(o, "nominal", c.nominal());
      Wire.number(o, "realised", c.coverage());
      var ci = o.putArray("ci");
      if (c.known()) {
        ci.add(c.coverageInterval().lo());
        ci.add(c.coverageInterval().hi());
      } else {
        ci.addNull();
        ci.addNull();
      }
      o.put("scored", c.scored());
    }
    data.put("sample_count", s.sampleCount());
    data.put("is_learning_mode", s.learning());
    data.put("uncertain", uncertain);
    data.put("message", message);
  }
}
