package io.vgac.tracelab.eval;

import io.vgac.agents.spi.LogisticWaitModel;
import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.Metric;
import io.vgac.tracelab.features.Dataset;
import io.vgac.tracelab.features.TimeSplit;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitModelFiles;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A trained model with what a reader of its file needs to trust it: the trace and the dates of the jobs it learnt
 * from, the time-ordered split, and its metrics on the held-out test part. Deterministic (seeded bootstrap, no
 * wall-clock time), so training again on the same trace gives the same file byte for byte.
 *
 * @param trained the model and its data
 * @param config how it was trained
 * @param test its evaluation on the held-out test part
 * @param sourceFile the trace's file name (no directory, so the file does not depend on where the trace lies)
 * @param command the command that produced it, for the file's note
 */
public record ModelCard(
    TrainedRiskModel trained, TrainingConfig config, Evaluation test, String sourceFile, String command) {

  /** The default bootstrap of the test-part metrics: 200 resamples, seed 0. */
  public static final int BOOTSTRAP = 200;

  /** Trains nothing: evaluates {@code trained} on its test part with a seeded bootstrap. */
  public static ModelCard of(TrainedRiskModel trained, TrainingConfig config, String sourceFile, String command) {
    Dataset t = trained.testPart();
    Evaluation e = new Evaluator(BOOTSTRAP, 0).evaluate(trained.data().name() + " (held-out test part)",
        trained.model().probabilities(t.x()), t.y());
    return new ModelCard(trained, config, e, sourceFile, command);
  }

  /** The agents' model file: coefficients, a note naming the trace and the command, and the {@link #metadata}. */
  public String json(String modelVersion) {
    LogisticWaitModel m = trained.model().toWaitModel(modelVersion);
    String note = String.format(java.util.Locale.ROOT, "Trained by trace-lab on the public %s trace (%s), jobs"
        + " submitted %s to %s: L2 logistic regression (IRLS) on the agents' queue features, Platt-calibrated on the"
        + " next 20 %% of jobs in time, tested on the last 20 %% (AUROC %.3f, ECE %.3f). A starting point from"
        + " another cluster, not a model of yours: the agents measure its calibration per environment. Reproduce"
        + " with: %s", trained.data().name(), sourceFile, date(0).substring(0, 10),
        date(trained.data().size() - 1).substring(0, 10), test.auroc(), test.ece(), command);
    return WaitModelFiles.toJson(m, note, metadata());
  }

  /** Where the model came from, in a stable order (for the file's {@code metadata}). */
  public Map<String, @Nullable Object> metadata() {
    Dataset d = trained.data();
    TimeSplit s = trained.split();
    Map<String, @Nullable Object> md = new LinkedHashMap<>();
    md.put("trainer", "trace-lab RiskModelTrainer");
    md.put("command", command);
    md.put("trace", d.name());
    md.put("trace_file", sourceFile);
    md.put("label", config.label().toString());
    md.put("threshold_seconds", finite(trained.model().thresholdSeconds()));
    md.put("features", config.features().name());
    md.put("lambda", config.lambda());
    md.put("labelled_jobs", d.size());
    md.put("unlabelled_jobs", d.unlabelled());
    md.put("data_from", date(0));
    md.put("data_to", date(d.size() - 1));
    Map<String, Object> split = new LinkedHashMap<>();
    split.put("fit", part(0, s.fitEnd()));
    split.put("calibrate", part(s.fitEnd(), s.calibrateEnd()));
    split.put("test", part(s.calibrateEnd(), s.n()));
    md.put("split", split);
    md.put("regression_iterations", trained.model().base().iterations());
    md.put("regression_converged", trained.model().base().converged());
    md.put("platt_a", trained.model().platt().a());
    md.put("platt_b", trained.model().platt().b());
    Map<String, @Nullable Object> t = new LinkedHashMap<>();
    t.put("n", test.n());
    t.put("prevalence", finite(test.prevalence()));
    t.put("auroc", finite(test.auroc()));
    t.put("auprc", finite(test.auprc()));
    t.put("ece", finite(test.ece()));
    t.put("mce", finite(test.mce()));
    t.put("brier", finite(test.brier()));
    t.put("ece_upper_95", finite(test.eceUpper()));
    t.put("tier", test.tierPoint());
    t.put("tier_upper_bound", test.tierUpper());
    t.put("bootstrap", BOOTSTRAP);
    for (Metric metric : Evaluator.RESAMPLED) {
      Interval i = test.intervals().get(metric);
      if (i != null) {
        t.put(metric.jsonName() + "_ci95", Arrays.asList(finite(i.lo()), finite(i.hi())));
      }
    }
    md.put("test_metrics", t);
    return md;
  }

  private Map<String, Object> part(int from, int to) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rows", List.of(from, to));
    p.put("jobs", to - from);
    p.put("from", date(from));
    p.put("to", date(to - 1));
    return p;
  }

  /** The submit time (UTC) of labelled row {@code row}. */
  private String date(int row) {
    Instant at = trained.data().snapshots().get(row).state().observedAt();
    return at.toString();
  }

  /** JSON has no NaN: an undefined metric is null. */
  private static @Nullable Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
