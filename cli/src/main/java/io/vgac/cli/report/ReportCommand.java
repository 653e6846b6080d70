package io.vgac.cli.report;

import io.vgac.calibration.Predictions;
import io.vgac.calibration.binning.Binning;
import io.vgac.calibration.metrics.Bootstrap;
import io.vgac.calibration.metrics.BootstrapConfig;
import io.vgac.calibration.metrics.BootstrapResult;
import io.vgac.calibration.metrics.CalibrationMetrics;
import io.vgac.calibration.metrics.CalibrationOptions;
import io.vgac.calibration.metrics.CalibrationReport;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.cli.Args;
import io.vgac.cli.AtomicFiles;
import io.vgac.cli.BadInputException;
import io.vgac.cli.Command;
import io.vgac.cli.CommandContext;
import io.vgac.cli.ProgressMeter;
import io.vgac.cli.UsageException;
import io.vgac.cli.csv.PredictionCsvReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code vgac report}: calibration and discrimination of the predictions in a CSV file, as JSON, text or Markdown,
 * optionally with bootstrap intervals and an SVG reliability diagram. Nothing is written unless the whole input is
 * valid; the SVG is written atomically before the report is printed.
 */
public final class ReportCommand implements Command {
  public static final int DEFAULT_BINS = CalibrationOptions.DEFAULT_BINS;
  public static final int MAX_BINS = 100_000;
  public static final int MAX_RESAMPLES = 100_000;
  public static final long DEFAULT_SEED = BootstrapConfig.DEFAULT_SEED;
  static final List<String> BINNINGS = List.of("uniform", "equal-mass", "array-split");
  static final List<String> FORMATS = List.of("json", "text", "markdown");

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "calibration and discrimination report for predictions in a CSV file";
  }

  @Override
  public Set<String> options() {
    return Set.of("--input", "--prob-col", "--label-col", "--bins", "--binning", "--bootstrap", "--seed",
        "--format", "--svg");
  }

  @Override
  public String usage() {
    return """
        Usage: vgac report --input FILE.csv [--prob-col p] [--label-col y] [--bins 15]
                           [--binning uniform|equal-mass|array-split] [--bootstrap N] [--seed S]
                           [--format json|text|markdown] [--svg FILE]

        Calibration and discrimination of binary predictions: AUROC, AUPRC, Brier, log loss, ECE, MCE, RMSCE,
        debiased ECE, ACE, Spiegelhalter's Z, Murphy and CORP decompositions, tail gaps, the bin table with
        Wilson intervals, and the qualified intervention tier.

        Options:
          --input FILE      CSV with a header row; FILE.gz is read as gzip. Required.
          --prob-col NAME   column of predicted probabilities in [0, 1] (default p)
          --label-col NAME  column of outcomes, 0 or 1 (0.0 and 1.0 accepted) (default y)
          --bins B          number of bins, 1..100000 (default 15)
          --binning SCHEME  uniform: B equal-width bins; array-split: equal-count chunks of the sorted rows
                            (the original papers' equal-mass bins); equal-mass: quantile bins that never
                            split tied scores (default uniform)
          --bootstrap N     add 95% percentile bootstrap intervals from N resamples (default: none)
          --seed S          seed of the bootstrap (default 0); the same seed gives the same intervals
          --format F        json, text or markdown (default: text on a terminal, json otherwise)
          --svg FILE        also write a reliability diagram with a histogram of p as SVG

        Exit status: 0 success; 2 bad usage or bad input (one line on stderr naming the file, the row, the
        line and the field); 1 internal error.
        """;
  }

  @Override
  public int run(Args args, CommandContext context) throws UsageException, BadInputException {
    String input = args.required("--input");
    String probabilityColumn = args.string("--prob-col", PredictionCsvReader.DEFAULT_PROBABILITY_COLUMN);
    String labelColumn = args.string("--label-col", PredictionCsvReader.DEFAULT_LABEL_COLUMN);
    if (probabilityColumn.equals(labelColumn)) {
      throw new UsageException("--prob-col and --label-col must name different columns but both are '"
          + probabilityColumn + "'");
    }
    int bins = args.intIn("--bins", DEFAULT_BINS, 1, MAX_BINS);
    String binning = args.choice("--binning", "uniform", BINNINGS);
    int resamples = args.intIn("--bootstrap", 0, 0, MAX_RESAMPLES);
    long seed = args.longValue("--seed", DEFAULT_SEED);
    String format = args.choice("--format", context.outIsTerminal() ? "text" : "json", FORMATS);
    String svg = args.has("--svg") ? args.required("--svg") : null;
    Path inputPath = path("--input", input);
    Path svgPath = svg == null ? null : path("--svg", svg);
    if (svgPath != null) {
      AtomicFiles.checkWritable(svgPath, svg);
    }

    Predictions predictions = new PredictionCsvReader(probabilityColumn, labelColumn).read(inputPath, input);
    CalibrationOptions options = CalibrationOptions.builder().binning(Binning.of(binning, bins)).build();
    CalibrationReport report = CalibrationMetrics.report(predictions, options);
    BootstrapResult bootstrap = null;
    if (resamples > 0) {
      ProgressMeter meter = ProgressMeter.of(context, "bootstrap", resamples);
      bootstrap = Bootstrap.run(predictions, options,
          BootstrapConfig.builder().resamples(resamples).seed(seed).progress(meter).build());
      meter.finish();
    }
    TierPolicy tiers = TierPolicy.standard();
    int tier = tiers.qualifiedTier(report.ece());
    ReportResult result =
        new ReportResult(input, report, bins, new QualifiedTier(tier, tiers.tierName(tier)), bootstrap);

    byte[] rendered = switch (format) {
      case "text" -> TextReport.render(result);
      case "markdown" -> MarkdownReport.render(result);
      default -> JsonReport.render(result);
    };
    if (svgPath != null) {
      AtomicFiles.write(svgPath, ReliabilityDiagram.render(result, histogram(predictions, report)), svg);
    }
    context.out().write(rendered, 0, rendered.length);
    context.out().flush();
    return 0;
  }

  private static Path path(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + " is not a valid path: '" + value + "'");
    }
  }

  /** The report's own bins when they are equal-width, else {@value ReliabilityDiagram#HISTOGRAM_BINS}. */
  private static long[] histogram(Predictions predictions, CalibrationReport report) {
    if (report.binning() instanceof Binning.Uniform) {
      return report.bins().stream().mapToLong(b -> b.n()).toArray();
    }
    return ReliabilityDiagram.histogram(predictions.probabilitiesUnsafe(), ReliabilityDiagram.HISTOGRAM_BINS);
  }
}
