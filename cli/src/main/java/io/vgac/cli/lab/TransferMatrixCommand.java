package io.vgac.cli.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.cli.Args;
import io.vgac.cli.AtomicFiles;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.ProgressMeter;
import io.vgac.cli.UsageException;
import io.vgac.tracelab.eval.Evaluation;
import io.vgac.tracelab.eval.Evaluator;
import io.vgac.tracelab.eval.ReliabilitySvg;
import io.vgac.tracelab.eval.TransferExperiment;
import io.vgac.tracelab.eval.TransferMatrix;
import io.vgac.tracelab.eval.TransferResult;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.LabelRule;
import io.vgac.tracelab.features.SweptTrace;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.read.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * {@code vgac transfer-matrix}: {@code vgac transfer} for every ordered pair of the given traces, written as
 * {@code matrix.json}, {@code matrix.md} and one SVG reliability diagram per pair (before and after recalibration)
 * and per trace (home). Everything is computed before the first file is written; each file is written atomically.
 */
public final class TransferMatrixCommand implements Command {
  static final String DIAGRAMS = "reliability";

  @Override
  public String name() {
    return "transfer-matrix";
  }

  @Override
  public String summary() {
    return "vgac transfer for every ordered pair of traces: matrix.json, matrix.md, SVGs";
  }

  @Override
  public String usage() {
    return "Usage: vgac transfer-matrix --traces PATH[,PATH...] --out DIR [--label wait>600s|p90]"
        + " [--recalibrate N] [--bootstrap N] [--seed S] [--limit N] [--format json|markdown]\n\n"
        + "Trains the wait-risk model on each trace once, moves it unchanged to every other trace and recalibrates it\n"
        + "there, as 'vgac transfer' does for one pair. Rows = the training trace, columns = the target.\n"
        + "  --traces       comma-separated trace files (SWF .swf/.swf.gz, Alibaba pod .csv/.csv.gz) or directories\n"
        + "                 (all such files in it, by name); at least 2 traces, in the order given\n"
        + "  --out          directory for matrix.json, matrix.md and " + DIAGRAMS + "/*.svg (its parent must exist)\n"
        + "  --label        long-wait label: wait>SECONDSs or pNN of the training part (default wait>600s)\n"
        + "  --recalibrate  refit an isotonic calibrator on the target's first N labelled jobs (default "
        + TransferCommand.DEFAULT_RECALIBRATE + ")\n"
        + "  --bootstrap    resamples for the 95% intervals and the honest tier (default " + TransferCommand.BOOTSTRAP
        + ", 0 = none)\n"
        + "  --seed         bootstrap seed (default 0)\n"
        + "  --limit        use only the first N jobs (file order) of each trace, for quick runs (default: all)\n"
        + "  --format       what stdout gets: json (default when stdout is not a terminal) or markdown\n";
  }

  @Override
  public Set<String> options() {
    return Set.of("--traces", "--out", "--label", "--recalibrate", "--bootstrap", "--seed", "--limit", "--format");
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    String tracesArg = args.required("--traces");
    Path out = Path.of(args.required("--out"));
    LabelRule label;
    try {
      label = LabelRule.parse(args.string("--label", "wait>600s"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--label: " + e.getMessage());
    }
    int n = args.intIn("--recalibrate", TransferCommand.DEFAULT_RECALIBRATE, 1, Integer.MAX_VALUE);
    int bootstrap = args.intIn("--bootstrap", TransferCommand.BOOTSTRAP, 0, 100_000);
    long seed = args.longValue("--seed", 0);
    int limit = args.intIn("--limit", Integer.MAX_VALUE, 10, Integer.MAX_VALUE);
    String format = args.choice("--format", context.outIsTerminal() ? "markdown" : "json",
        List.of("json", "markdown"));
    List<String> paths = resolve(tracesArg);
    if (paths.size() < 2) {
      throw new UsageException("--traces must name at least 2 traces but named " + paths.size()
          + (paths.isEmpty() ? "" : " (" + paths.get(0) + ")"));
    }
    checkOut(out);

    long t0 = System.nanoTime();
    List<SweptTrace> swept = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String p : paths) {
      context.err().print(context.errIsTerminal() ? "\rvgac: reading " + p + "\033[K" : "");
      Trace t = LabInputs.trace(p);
      if (!names.add(t.name())) {
        throw new BadInputException(p + ": another trace is also named '" + t.name() + "'");
      }
      swept.add(FeatureSweep.sweep(limit == Integer.MAX_VALUE ? t : t.head(limit)));
    }
    if (context.errIsTerminal()) {
      context.err().print("\r\033[K");
    }
    TransferMatrix matrix = new TransferMatrix(new TransferExperiment(TrainingConfig.ofDefaults().withLabel(label),
        new Evaluator(bootstrap, seed), CalibrationMethod.ISOTONIC), n);
    ProgressMeter meter = ProgressMeter.of(context, "transfer matrix", TransferMatrix.steps(swept.size()));
    TransferMatrix.Result r;
    try {
      r = matrix.run(swept, meter);
    } catch (TransferMatrix.TraceException e) {
      throw new BadInputException(paths.get(e.trace()) + ": " + e.problem(), e);
    } finally {
      meter.finish();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Settings settings = new Settings(label, n, bootstrap, seed, limit, paths);
    String json = json(r, settings);
    String md = markdown(r, settings);

    try {
      Files.createDirectories(out.resolve(DIAGRAMS));
    } catch (IOException e) {
      throw new BadInputException(out + ": cannot create the output directory: " + e.getMessage(), e);
    }
    for (int i = 0; i < r.traces().size(); i++) {
      write(out.resolve(homeSvg(r, i)), ReliabilitySvg.render(r.traces().get(i).home()));
    }
    for (TransferMatrix.Cell c : r.cells()) {
      write(out.resolve(pairSvg(r, c)), ReliabilitySvg.renderPanels(List.of(c.result().test(),
          c.result().recalibrated())));
    }
    write(out.resolve("matrix.md"), md);
    write(out.resolve("matrix.json"), json); // last: its presence means the run completed
    context.out().print(format.equals("json") ? json : md);
    context.err().printf(Locale.ROOT, "vgac transfer-matrix: %d traces, %d pairs in %.1f s; wrote %s, %s and %d"
        + " diagrams%n", r.traces().size(), r.cells().size(), seconds, out.resolve("matrix.json"),
        out.resolve("matrix.md"), r.traces().size() + r.cells().size());
    return 0;
  }

  /** The options that shape the numbers, echoed in both outputs. */
  record Settings(LabelRule label, int recalibrateN, int bootstrap, long seed, int limit, List<String> files) {}

  /** Expands {@code --traces}: files as given, directories to their trace files by name; duplicates once. */
  static List<String> resolve(String arg) throws BadInputException, UsageException {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : arg.split(",", -1)) {
      String p = raw.strip();
      if (p.isEmpty()) {
        throw new UsageException("--traces has an empty entry in '" + arg + "'");
      }
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        List<String> found;
        try (Stream<Path> s = Files.list(path)) {
          found = s.filter(f -> Files.isRegularFile(f) && isTraceName(f.getFileName().toString()))
              .map(Path::toString).sorted().toList();
        } catch (IOException e) {
          throw new BadInputException(p + ": cannot list the directory: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
          throw new BadInputException(p + ": no trace files (*.swf, *.swf.gz, *.csv, *.csv.gz) in this directory");
        }
        out.addAll(found);
      } else if (Files.isRegularFile(path)) {
        out.add(p);
      } else {
        throw new BadInputException(p + ": no such file or directory");
      }
    }
    return List.copyOf(out);
  }

  static boolean isTraceName(String fileName) {
    String f = fileName.toLowerCase(Locale.ROOT);
    return !f.startsWith(".") && (f.endsWith(".swf") || f.endsWith(".swf.gz") || f.endsWith(".csv")
        || f.endsWith(".csv.gz"));
  }

  private static void checkOut(Path out) throws BadInputException {
    Path abs = out.toAbsolutePath();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new BadInputException(out + ": cannot write: not a directory");
    }
    Path parent = abs.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException(out + ": cannot write: no such directory " + parent);
    }
  }

  private static void write(Path file, String text) throws BadInputException {
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), file.toString());
  }

  static String homeSvg(TransferMatrix.Result r, int trace) {
    return DIAGRAMS + "/home-" + fileSafe(r.traces().get(trace).name()) + ".svg";
  }

  static String pairSvg(TransferMatrix.Result r, TransferMatrix.Cell c) {
    return DIAGRAMS + "/" + fileSafe(r.traces().get(c.train()).name()) + "--" + fileSafe(r.traces().get(c.test())
        .name()) + ".svg";
  }

  private static String fileSafe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  // ---------------------------------------------------------------------------------------------------- JSON

  static String json(TransferMatrix.Result r, Settings s) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("label", s.label().toString());
    root.put("features", TrainingConfig.ofDefaults().features().name());
    root.put("recalibrate_n", s.recalibrateN());
    root.put("recalibration_method", r.cells().get(0).result().recalibrationMethod());
    root.put("bootstrap", s.bootstrap());
    root.put("seed", s.seed());
    if (s.limit() == Integer.MAX_VALUE) {
      root.putNull("limit");
    } else {
      root.put("limit", s.limit());
    }
    ArrayNode traces = root.putArray("traces");
    for (int i = 0; i < r.traces().size(); i++) {
      TransferMatrix.TraceSummary t = r.traces().get(i);
      ObjectNode o = traces.addObject();
      o.put("name", t.name());
      o.put("file", s.files().get(i));
      o.put("jobs", t.jobs());
      o.put("labelled", t.labelled());
      TransferCommand.num(o, "threshold_seconds", t.thresholdSeconds());
      o.set("home", TransferCommand.part(m, t.home()));
      o.put("svg", homeSvg(r, i));
    }
    matrix(root.putArray("ece_ratio"), r, x -> x.eceRatio());
    matrix(root.putArray("auroc_change"), r, x -> x.aurocChange());
    ArrayNode pairs = root.putArray("pairs");
    for (TransferMatrix.Cell c : r.cells()) {
      ObjectNode o = pairs.addObject();
      o.put("train_trace", r.traces().get(c.train()).name());
      o.put("test_trace", r.traces().get(c.test()).name());
      ObjectNode before = o.putObject("tier_before");
      before.put("point", c.result().test().tierPoint());
      before.put("upper_bound", c.result().test().tierUpper());
      ObjectNode after = o.putObject("tier_after");
      after.put("point", c.result().recalibrated().tierPoint());
      after.put("upper_bound", c.result().recalibrated().tierUpper());
      o.setAll(TransferCommand.node(m, c.result()));
      o.put("svg", pairSvg(r, c));
    }
    try {
      return m.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Row = train, column = test; null on the diagonal and where undefined. */
  private static void matrix(ArrayNode rows, TransferMatrix.Result r, ToDoubleFunction<TransferResult> value) {
    int k = r.traces().size();
    for (int i = 0; i < k; i++) {
      ArrayNode row = rows.addArray();
      for (int j = 0; j < k; j++) {
        double v = i == j ? Double.NaN : value.applyAsDouble(r.cell(i, j).result());
        if (Double.isFinite(v)) {
          row.add(v);
        } else {
          row.addNull();
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ Markdown

  static String markdown(TransferMatrix.Result r, Settings s) {
    List<String> shortNames = shortNames(r);
    int k = r.traces().size();
    StringBuilder sb = new StringBuilder();
    sb.append("# Cross-cluster transfer matrix\n\n");
    sb.append(String.format(Locale.ROOT, "Label %s (threshold fixed on each training trace's fit part), feature set"
        + " `%s`, isotonic recalibration on the target's first %d labelled jobs, %s%s. Rows: the trace the model"
        + " was trained on (time-ordered 60 / 20 / 20 split: fit, Platt, held-out home test); columns: the trace"
        + " it is moved to, unchanged.%n%n", s.label(), TrainingConfig.ofDefaults().features().name(),
        s.recalibrateN(), s.bootstrap() == 0 ? "no bootstrap (upper-bound tiers are 0)"
            : s.bootstrap() + " bootstrap resamples (seed " + s.seed() + ")",
        s.limit() == Integer.MAX_VALUE ? "" : ", first " + s.limit() + " jobs of each trace"));

    sb.append("## Traces (home: the model on its own trace's held-out last 20 %)\n\n");
    sb.append("| | trace | jobs | labelled | threshold (s) | home n | home prevalence | home AUROC | home ECE |"
        + " home tier (point / upper) | diagram |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < k; i++) {
      TransferMatrix.TraceSummary t = r.traces().get(i);
      Evaluation h = t.home();
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %d | %s | %s | %s | %d / %d | [svg](%s) |%n",
          shortNames.get(i), t.name(), t.jobs(), t.labelled(), fmt(t.thresholdSeconds(), "%.0f"), h.n(),
          fmt(h.prevalence(), "%.3f"), fmt(h.auroc(), "%.3f"), fmt(h.ece(), "%.3f"), h.tierPoint(), h.tierUpper(),
          homeSvg(r, i)));
    }
    table(sb, "ECE ratio (target ECE / home ECE)", r, shortNames,
        x -> ratio(x.eceRatio()));
    table(sb, "Target ECE: before → after recalibration", r, shortNames,
        x -> fmt(x.test().ece(), "%.3f") + " → " + fmt(x.recalibrated().ece(), "%.3f"));
    table(sb, "AUROC change (target AUROC − home AUROC)", r, shortNames,
        x -> fmt(x.aurocChange(), "%+.3f"));
    table(sb, "Target AUROC: before → after recalibration", r, shortNames,
        x -> fmt(x.test().auroc(), "%.3f") + " → " + fmt(x.recalibrated().auroc(), "%.3f"));
    table(sb, "Qualified tier on the target: before → after recalibration (point estimate / bootstrap upper bound)",
        r, shortNames, x -> x.test().tierPoint() + "/" + x.test().tierUpper() + " → " + x.recalibrated().tierPoint()
            + "/" + x.recalibrated().tierUpper());

    sb.append("## Every pair\n\n| train → test | home AUROC | home ECE | target n | target prevalence | target AUROC"
        + " | target ECE | ECE ratio | ΔAUROC | recal. AUROC | recal. ECE | tier before → after | diagram |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (TransferMatrix.Cell c : r.cells()) {
      TransferResult x = c.result();
      sb.append(String.format(Locale.ROOT, "| %s → %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d/%d →"
          + " %d/%d | [svg](%s) |%n", shortNames.get(c.train()), shortNames.get(c.test()),
          fmt(x.train().auroc(), "%.3f"), fmt(x.train().ece(), "%.3f"), x.test().n(),
          fmt(x.test().prevalence(), "%.3f"), fmt(x.test().auroc(), "%.3f"), fmt(x.test().ece(), "%.3f"),
          ratio(x.eceRatio()), fmt(x.aurocChange(), "%+.3f"), fmt(x.recalibrated().auroc(), "%.3f"),
          fmt(x.recalibrated().ece(), "%.3f"), x.test().tierPoint(), x.test().tierUpper(),
          x.recalibrated().tierPoint(), x.recalibrated().tierUpper(), pairSvg(r, c)));
    }
    sb.append("\nThe target is every labelled job of the test trace before recalibration, and the jobs after the"
        + " first ").append(s.recalibrateN()).append(" afterwards. Each pair's diagram shows both.\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, String title, TransferMatrix.Result r, List<String> names,
      java.util.function.Function<TransferResult, String> cell) {
    int k = r.traces().size();
    sb.append("\n## ").append(title).append("\n\n| train ↓ · test → |");
    for (String n : names) {
      sb.append(' ').append(n).append(" |");
    }
    sb.append("\n|---|").append("---|".repeat(k)).append('\n');
    for (int i = 0; i < k; i++) {
      sb.append("| ").append(names.get(i)).append(" |");
      for (int j = 0; j < k; j++) {
        sb.append(' ').append(i == j ? "—" : cell.apply(r.cell(i, j).result())).append(" |");
      }
      sb.append('\n');
    }
    sb.append('\n');
  }

  /** {@code KTH-SP2-1996-2.1-cln} → {@code KTH-SP2} (the first two dash-separated words) while that is unique. */
  static List<String> shortNames(TransferMatrix.Result r) {
    List<String> shorter = new ArrayList<>();
    for (TransferMatrix.TraceSummary t : r.traces()) {
      String[] w = t.name().split("-", -1);
      shorter.add(w.length >= 2 ? w[0] + "-" + w[1] : t.name());
    }
    if (new HashSet<>(shorter).size() == shorter.size()) {
      return shorter;
    }
    return r.traces().stream().map(TransferMatrix.TraceSummary::name).toList();
  }

  private static String ratio(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f×", v) : String.format(Locale.ROOT, "%.1f×", v);
  }

  private static String fmt(double v, String pattern) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, pattern, v) : "—";
  }
}
