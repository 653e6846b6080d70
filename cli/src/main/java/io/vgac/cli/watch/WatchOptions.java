package io.vgac.cli.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@code vgac watch}.
 *
 * @param input the CSV file
 * @param probCol the probability column (default {@code p})
 * @param labelCol the 0/1 outcome column (default {@code y})
 * @param envCol the environment column; null for a single environment named {@value #SINGLE_ENV}
 * @param alpha the e-detector's α (default 0.001)
 * @param baselineEce the ECE-ratio rule's baseline (default 0.018)
 * @param window rows in each environment's sliding window (default 200)
 * @param format {@code json} (default) or {@code text}
 */
public record WatchOptions(
    Path input,
    String probCol,
    String labelCol,
    @Nullable String envCol,
    double alpha,
    double baselineEce,
    int window,
    String format) {

  public static final String SINGLE_ENV = "default";
  public static final List<String> VALUE_OPTIONS = List.of(
      "--input", "--prob-col", "--label-col", "--env-col", "--alpha", "--baseline-ece", "--window", "--format");

  public static final String USAGE =
      "Usage: vgac watch --input FILE.csv [--prob-col p] [--label-col y] [--env-col env] [--alpha 0.001]\n"
          + "                  [--baseline-ece 0.018] [--window 200] [--format json|text]\n"
          + "Runs the calibration monitors over the rows in file order: the anytime-valid calibration e-process\n"
          + "(false-alarm run length >= 1/alpha), the design's ECE-ratio rule on a sliding window of --window rows\n"
          + "(one alarm per excursion above MODERATE), ADWIN on y - p and Page-Hinkley on |y - p|.\n";

  /**
   * Parses the arguments after {@code watch}.
   *
   * @throws WatchInputException for an unknown option, a missing or malformed value
   */
  public static WatchOptions parse(List<String> args) throws WatchInputException {
    java.util.Map<String, String> values = new java.util.HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!VALUE_OPTIONS.contains(name)) {
        throw new WatchInputException("unknown option '" + a + "'");
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new WatchInputException("option " + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (values.put(name, value) != null) {
        throw new WatchInputException("option " + name + " given twice");
      }
    }
    String input = values.get("--input");
    if (input == null) {
      throw new WatchInputException("missing --input FILE.csv");
    }
    double alpha = number(values, "--alpha", 0.001);
    if (!(alpha > 0 && alpha < 1)) {
      throw new WatchInputException("--alpha must be in (0,1) but was " + values.get("--alpha"));
    }
    double baseline = number(values, "--baseline-ece", 0.018);
    if (!(baseline > 0 && baseline <= 1)) {
      throw new WatchInputException("--baseline-ece must be in (0,1] but was " + values.get("--baseline-ece"));
    }
    int window;
    try {
      window = Integer.parseInt(values.getOrDefault("--window", "200").strip());
    } catch (NumberFormatException e) {
      throw new WatchInputException("--window must be an integer but was '" + values.get("--window") + "'");
    }
    if (window < 1 || window > 4_194_304) {
      throw new WatchInputException("--window must be in [1, 4194304] but was " + window);
    }
    String format = values.getOrDefault("--format", "json").toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("text")) {
      throw new WatchInputException("--format must be json or text but was '" + values.get("--format") + "'");
    }
    String probCol = nonEmpty(values, "--prob-col", "p");
    String labelCol = nonEmpty(values, "--label-col", "y");
    String envCol = values.containsKey("--env-col") ? nonEmpty(values, "--env-col", "env") : null;
    // One column cannot be two things; the CSV reader would refuse it as a programming error, so say it here.
    if (probCol.equals(labelCol)) {
      throw new WatchInputException(
          "--prob-col and --label-col must name different columns but both are '" + probCol + "'");
    }
    if (envCol != null && (envCol.equals(probCol) || envCol.equals(labelCol))) {
      throw new WatchInputException("--env-col must name a column other than --prob-col and --label-col but was '"
          + envCol + "'");
    }
    return new WatchOptions(
        Path.of(input),
        probCol,
        labelCol,
        envCol,
        alpha,
        baseline,
        window,
        format);
  }

  private static double number(java.util.Map<String, String> values, String name, double fallback)
      throws WatchInputException {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new WatchInputException(name + " must be a number but was '" + v + "'");
    }
  }

  private static String nonEmpty(java.util.Map<String, String> values, String name, String fallback)
      throws WatchInputException {
    String v = values.getOrDefault(name, fallback);
    if (v.isBlank()) {
      throw new WatchInputException(name + " must not be empty");
    }
    return v;
  }
}
