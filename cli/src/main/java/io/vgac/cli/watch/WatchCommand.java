package io.vgac.cli.watch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vgac.calibration.tracker.DetectorAlarm;
import io.vgac.calibration.tracker.DriftCheck;
import io.vgac.calibration.tracker.EnvironmentState;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import io.vgac.cli.BadInputException;
import io.vgac.cli.csv.PredictionCsvReader;
import io.vgac.cli.csv.PredictionTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code vgac watch}: feeds each row, in file order, to the tracker of its environment
 * ({@link EnvironmentTrackers}) and collects the detectors' alarms:
 *
 * <ul>
 *   <li>{@code calibration-eprocess}: the anytime-valid e-detector on (p, y), α = {@code --alpha}; it latches at
 *       its first alarm (one per environment; a recalibration would restart it);
 *   <li>{@code ece-ratio}: the design's ratio rule on each environment's sliding window of {@code --window} rows
 *       against {@code --baseline-ece}, evaluated once the window is full; one alarm per excursion above MODERATE
 *       (ratio &gt; 2.0), with a descriptive direction (over/under when most bins err the same way, else spread);
 *   <li>{@code adwin}: ADWIN on the signed residual {@code y − p}; the direction is the sign of the change of its
 *       mean (up: under-prediction, down: over-prediction);
 *   <li>{@code page-hinkley}: Page-Hinkley on the absolute error {@code |y − p|} (increases only; direction
 *       unknown).
 * </ul>
 *
 * Time plays no part (the tracker clock is fixed), so the output depends only on the file. The file is read whole
 * first, by the same {@link PredictionCsvReader} as {@code vgac report} (same input rules, same error messages), so
 * nothing is written to stdout unless every row is valid.
 */
public final class WatchCommand {
  public static final String NAME = "watch";
  public static final String SUMMARY = "run the calibration drift monitors over an outcome stream";
  private static final long FIXED_CLOCK = 0L;

  private WatchCommand() {}

  /**
   * Runs {@code vgac watch} with the arguments after the word {@code watch}; returns the exit status (0 success,
   * 2 bad usage or input with one line on {@code err}, 1 internal error).
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(WatchOptions.USAGE);
      return 0;
    }
    try {
      WatchOptions options = WatchOptions.parse(args);
      WatchResult result = watch(options);
      out.print(options.format().equals("json") ? json(result) : text(result));
      out.flush();
      return 0;
    } catch (WatchInputException | BadInputException e) {
      err.println("vgac watch: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("vgac watch: internal error: " + e);
      return 1;
    }
  }

  /** The tracker configuration {@code watch} uses for these options. */
  public static TrackerConfig config(WatchOptions o) {
    return TrackerConfig.builder()
        .windowSize(o.window())
        .ratioMinSamples(o.window())
        .baselineEce(o.baselineEce())
        .alpha(o.alpha())
        .build();
  }

  /**
   * Reads the whole file, then feeds its rows in file order to the trackers.
   *
   * @throws BadInputException for an unreadable file or the first bad row, before any row reaches a tracker
   */
  public static WatchResult watch(WatchOptions o) throws BadInputException {
    PredictionTable table = new PredictionCsvReader(o.probCol(), o.labelCol(), o.envCol())
        .readTable(o.input(), o.input().toString());
    List<WatchAlarm> alarms = new ArrayList<>();
    int[] row = new int[1];
    TrackerListener listener =
        new TrackerListener() {
          @Override
          public void onAlarm(DetectorAlarm a) {
            alarms.add(new WatchAlarm(
                row[0], a.envId(), a.detector().cliName(), a.direction().word(), a.statistic()));
          }
        };
    EnvironmentTrackers trackers = new EnvironmentTrackers(config(o), () -> FIXED_CLOCK, listener);
    double[] p = table.predictions().probabilitiesUnsafe();
    byte[] y = table.predictions().labelsUnsafe();
    int n = table.size();
    for (int i = 0; i < n; i++) {
      row[0] = i;
      trackers.update(table.groupName(i, WatchOptions.SINGLE_ENV), p[i], y[i]);
    }
    List<EnvironmentState> states = new ArrayList<>(trackers.states().values());
    return new WatchResult(n, alarms, states);
  }

  /** The JSON document of cli.md; NaN and infinities are written as null. */
  public static String json(WatchResult r) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("n", r.n());
      g.writeArrayFieldStart("alarms");
      for (WatchAlarm a : r.alarms()) {
        g.writeStartObject();
        g.writeNumberField("index", a.index());
        g.writeStringField("env", a.env());
        g.writeStringField("detector", a.detector());
        g.writeStringField("direction", a.direction());
        number(g, "statistic", a.statistic());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("environments");
      for (EnvironmentState s : r.environments()) {
        g.writeStartObject();
        g.writeStringField("env", s.envId());
        number(g, "ece", s.windowEce());
        g.writeNumberField("sample_count", s.sampleCount());
        number(g, "calibration_score", s.calibrationScore());
        g.writeStringField("scope", s.scope().name());
        g.writeNumberField("tier", s.tier().point());
        number(g, "ece_upper", s.windowEceBound().upper());
        g.writeNumberField("tier_upper", s.tier().upper());
        number(g, "cumulative_ece", s.cumulativeEce());
        g.writeNumberField("window_size", s.windowSize());
        g.writeStringField("state", s.machineState().name());
        g.writeBooleanField("recalibration_required", s.recalibrationRequired());
        DriftCheck d = s.drift();
        if (d == null) {
          g.writeNullField("drift");
        } else {
          g.writeObjectFieldStart("drift");
          g.writeStringField("severity", d.assessment().severity().name());
          number(g, "ratio", d.assessment().ratio());
          g.writeStringField("message", d.assessment().message());
          number(g, "noise_ece", d.noise().mean());
          number(g, "noise_ece_95", d.noise().quantile95());
          number(g, "noise_ratio", d.noiseRatio());
          g.writeBooleanField("within_noise", d.withinNoise());
          g.writeEndObject();
        }
        number(g, "e_statistic", s.eDetector().statistic());
        g.writeStringField("e_direction", s.eDetector().direction().word());
        g.writeNumberField("adwin_detections", s.adwin().detections());
        g.writeNumberField("page_hinkley_detections", s.pageHinkley().detections());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w + "\n";
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  /** A human-readable summary. */
  public static String text(WatchResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d rows, %d alarms, %d environments%n", r.n(), r.alarms().size(),
        r.environments().size()));
    for (WatchAlarm a : r.alarms()) {
      sb.append(String.format(Locale.ROOT, "  row %-8d %-16s %-21s %-8s statistic %s%n", a.index(), a.env(),
          a.detector(), a.direction(), fmt(a.statistic())));
    }
    sb.append(String.format(Locale.ROOT, "%-16s %8s %8s %8s %6s %-10s %4s %-13s %s%n", "env", "samples", "ece",
        "ece_up", "score", "scope", "tier", "state", "drift"));
    for (EnvironmentState s : r.environments()) {
      DriftCheck d = s.drift();
      String drift = d == null ? "-" : d.assessment().severity() + String.format(Locale.ROOT, " (%.1fx%s)",
          d.assessment().ratio(), d.withinNoise() ? ", within noise" : "");
      sb.append(String.format(Locale.ROOT, "%-16s %8d %8s %8s %6s %-10s %4d %-13s %s%n", s.envId(),
          s.sampleCount(), fmt(s.windowEce()), fmt(s.windowEceBound().upper()), fmt(s.calibrationScore()),
          s.scope(), s.tier().point(), s.machineState(), drift));
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
  }

  /** For running without the rest of the CLI: {@code java io.vgac.cli.watch.WatchCommand --input …}. */
  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }
}
