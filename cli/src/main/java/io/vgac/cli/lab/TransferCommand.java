package io.vgac.cli.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.calibration.Interval;
import io.vgac.calibration.metrics.Metric;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.cli.Args;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.UsageException;
import io.vgac.agents.intervals.IntervalControllerConfig;
import io.vgac.agents.tools.WaitText;
import io.vgac.tracelab.eval.Evaluation;
import io.vgac.tracelab.eval.IntervalResult;
import io.vgac.tracelab.eval.IntervalTransfer;
import io.vgac.tracelab.eval.Evaluator;
import io.vgac.tracelab.eval.TransferExperiment;
import io.vgac.tracelab.eval.TransferResult;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.LabelRule;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.RiskModelTrainer;
import io.vgac.tracelab.model.TrainedRiskModel;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.model.WaitIntervalTrainer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code vgac transfer}: train on one trace, score on another, recalibrate on the target's first N jobs. */
public final class TransferCommand implements Command {
  static final int DEFAULT_RECALIBRATE = 1000;
  static final int BOOTSTRAP = 200;

  @Override
  public String name() {
    return "transfer";
  }

  @Override
  public String summary() {
    return "train the wait-risk model on one trace, evaluate it on another, then recalibrate";
  }

  @Override
  public String usage() {
    return "Usage: vgac transfer --train TRACE --test TRACE [--label wait>600s|p90] [--recalibrate N]"
        + " [--format json|markdown]\n\n"
        + "TRACE: an SWF log (.swf, .swf.gz) or the Alibaba GPU pod CSV (.csv, .csv.gz).\n"
        + "  --label        long-wait label: wait>SECONDSs or pNN of the training part (default wait>600s)\n"
        + "  --recalibrate  refit an isotonic calibrator on the test trace's first N labelled jobs (default "
        + DEFAULT_RECALIBRATE + ")\n"
        + "  --format       json (default when stdout is not a terminal) or markdown\n";
  }

  @Override
  public Set<String> options() {
    return Set.of("--train", "--test", "--label", "--recalibrate", "--format");
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    String trainPath = args.required("--train");
    String testPath = args.required("--test");
    LabelRule label;
    try {
      label = LabelRule.parse(args.string("--label", "wait>600s"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--label: " + e.getMessage());
    }
    int n = args.intIn("--recalibrate", DEFAULT_RECALIBRATE, 1, Integer.MAX_VALUE);
    String format = args.choice("--format", context.outIsTerminal() ? "markdown" : "json",
        List.of("json", "markdown"));
    SweptTrace train = FeatureSweep.sweep(LabInputs.trace(trainPath));
    SweptTrace test = FeatureSweep.sweep(LabInputs.trace(testPath));
    TransferExperiment experiment = experiment(label);
    TrainedRiskModel trained;
    try {
      trained = RiskModelTrainer.train(train, experiment.training());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(trainPath + ": " + e.getMessage(), e);
    }
    TransferResult r;
    try {
      r = experiment.run(trained, test, n);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(testPath + ": " + e.getMessage(), e);
    }
    List<IntervalResult> intervals = intervals(trained, test);
    context.out().print(format.equals("json") ? json(r, intervals) : markdown(r, intervals));
    return 0;
  }

  /** {@code [static, adaptive]} wait intervals of the trained model on every observed wait of {@code test}. */
  static List<IntervalResult> intervals(TrainedRiskModel trained, SweptTrace test) {
    return new IntervalTransfer(IntervalControllerConfig.ofDefaults()).run(WaitIntervalTrainer.train(trained), test);
  }

  /** The JSON without intervals (as before they existed). */
  static String json(TransferResult r) {
    return json(r, List.of());
  }

  static String markdown(TransferResult r) {
    return markdown(r, List.of());
  }

  static TransferExperiment experiment(LabelRule label) {
    return new TransferExperiment(TrainingConfig.ofDefaults().withLabel(label), new Evaluator(BOOTSTRAP, 0),
        CalibrationMethod.ISOTONIC);
  }

  /**
   * The cli.md document; with intervals, {@code test.interval} (static split conformal from the training trace) and
   * {@code test.interval_adaptive} (the online controller with late labels), each
   * {@code {method, nominal, coverage, median_width_s, n}}.
   */
  static String json(TransferResult r, List<IntervalResult> intervals) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = node(m, r, intervals);
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contract's JSON object of one transfer (also one cell of {@code vgac transfer-matrix}). */
  static ObjectNode node(ObjectMapper m, TransferResult r) {
    return node(m, r, List.of());
  }

  /** {@link #node(ObjectMapper, TransferResult)} with {@code test.interval*} from {@code intervals}. */
  static ObjectNode node(ObjectMapper m, TransferResult r, List<IntervalResult> intervals) {
    ObjectNode root = m.createObjectNode();
    root.set("train", part(m, r.train()));
    ObjectNode test = part(m, r.test());
    for (IntervalResult i : intervals) {
      ObjectNode o = test.putObject(i.method().equals("static") ? "interval" : "interval_" + i.method());
      o.put("method", i.method());
      num(o, "nominal", i.nominal());
      num(o, "coverage", i.coverage());
      num(o, "median_width_s", i.medianWidthSeconds());
      o.put("n", i.n());
    }
    root.set("test", test);
    num(root, "ece_ratio", r.eceRatio());
    num(root, "auroc_change", r.aurocChange());
    num(root, "auroc_change_relative", r.aurocChangeRelative());
    root.set("recalibrated", part(m, r.recalibrated()));
    root.put("recalibrate_n", r.recalibrateN());
    root.put("recalibration_method", r.recalibrationMethod());
    num(root, "threshold_seconds", r.thresholdSeconds());
    return root;
  }

  static ObjectNode part(ObjectMapper m, Evaluation e) {
    ObjectNode o = m.createObjectNode();
    o.put("name", e.name());
    o.put("n", e.n());
    num(o, "prevalence", e.prevalence());
    num(o, "auroc", e.auroc());
    num(o, "auprc", e.auprc());
    num(o, "ece", e.ece());
    num(o, "mce", e.mce());
    num(o, "brier", e.brier());
    o.put("tier", e.tierPoint());
    o.put("tier_upper_bound", e.tierUpper());
    num(o, "ece_upper", e.eceUpper());
    ObjectNode ci = o.putObject("ci");
    for (Map.Entry<Metric, Interval> x : e.intervals().entrySet()) {
      var arr = ci.putArray(x.getKey().jsonName());
      add(arr, x.getValue().lo());
      add(arr, x.getValue().hi());
    }
    var tail = o.putArray("tail");
    for (var t : e.tail()) {
      ObjectNode g = tail.addObject();
      g.put("tau", t.tau());
      g.put("n", t.n());
      num(g, "gap", t.gap());
    }
    return o;
  }

  private static void add(com.fasterxml.jackson.databind.node.ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.addNull();
    }
  }

  static void num(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  static String markdown(TransferResult r, List<IntervalResult> intervals) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Cross-cluster transfer\n\n");
    sb.append(String.format(Locale.ROOT, "Label: wait > %.0f s (fixed on the training trace). Recalibration: %s on"
        + " the target's first %d labelled jobs.%n%n", r.thresholdSeconds(), r.recalibrationMethod(),
        r.recalibrateN()));
    sb.append(header());
    sb.append(row(r.train())).append(row(r.test())).append(row(r.recalibrated()));
    sb.append(String.format(Locale.ROOT, "%nECE ratio (target / home): **%.1f×**; AUROC change: **%+.3f** (%+.1f %%)."
        + "%n", r.eceRatio(), r.aurocChange(), 100 * r.aurocChangeRelative()));
    if (!intervals.isEmpty()) {
      sb.append("\n## Wait intervals on the target (every observed wait)\n\n");
      sb.append("| interval | n | nominal | realised coverage | median width |\n|---|---|---|---|---|\n");
      for (IntervalResult i : intervals) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.0f %% | %.1f %% | %s |%n", i.method(), i.n(),
            100 * i.nominal(), 100 * i.coverage(), WaitText.duration(i.medianWidthSeconds())));
      }
    }
    return sb.toString();
  }

  static String header() {
    return "| evaluated on | n | prevalence | AUROC | AUPRC | ECE | ECE 95% upper | MCE | Brier | tier (point / upper) |\n"
        + "|---|---|---|---|---|---|---|---|---|---|\n";
  }

  static String row(Evaluation e) {
    return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d / %d |%n",
        e.name(), e.n(), e.prevalence(), e.auroc(), e.auprc(), e.ece(), e.eceUpper(), e.mce(), e.brier(),
        e.tierPoint(), e.tierUpper());
  }
}
