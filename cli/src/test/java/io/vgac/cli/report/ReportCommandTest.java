package io.vgac.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.calibration.metrics.Metric;
import io.vgac.cli.CommandContext;
import io.vgac.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** Runs {@code vgac report} in-process, as a user would call it, and checks what it prints and writes. */
class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double TOLERANCE = 1e-9;

  @TempDir Path dir;
  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static Path reference(String dataset) throws URISyntaxException {
    return Path.of(ReportCommandTest.class.getResource("/reference/datasets/" + dataset + ".csv").toURI());
  }

  private static JsonNode expected(String dataset, int bins) throws IOException {
    try (InputStream in = ReportCommandTest.class.getResourceAsStream("/reference/expected-metrics.json")) {
      return JSON.readTree(in).get(dataset).get(Integer.toString(bins));
    }
  }

  private int run(String... args) {
    return run(false, args);
  }

  private int run(boolean terminal, String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    return Main.run(args, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, false, false));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Parses stdout, insisting that it holds exactly one JSON document. */
  private JsonNode json() throws IOException {
    try (JsonParser parser = JSON.createParser(out.toByteArray())) {
      JsonNode node = JSON.readTree(parser);
      assertThat(parser.nextToken()).as("anything after the JSON document").isNull();
      return node;
    }
  }

  @ParameterizedTest
  @CsvSource({"uniform_shifted_n1000, 10", "uniform_shifted_n1000, 15", "ties_12_levels_n5000, 10",
      "ties_12_levels_n5000, 15"})
  void jsonMatchesTheScikitLearnReferenceValues(String dataset, int bins) throws Exception {
    assertThat(run("report", "--input", reference(dataset).toString(), "--bins", Integer.toString(bins)))
        .isZero();
    JsonNode e = expected(dataset, bins);
    JsonNode j = json();
    assertThat(j.get("n").asInt()).isEqualTo(e.get("n").asInt());
    assertThat(j.get("positives").asInt()).isEqualTo(e.get("positives").asInt());
    for (String key : List.of("auroc", "auprc", "brier", "log_loss", "spiegelhalter_z")) {
      assertThat(j.get(key).asDouble()).as(key).isCloseTo(e.get(key).asDouble(), within(TOLERANCE));
    }
    assertThat(j.get("ece").asDouble()).isCloseTo(e.get("ece_uniform").asDouble(), within(TOLERANCE));
    assertThat(j.get("mce").asDouble()).isCloseTo(e.get("mce_uniform").asDouble(), within(TOLERANCE));
    assertThat(j.get("rmsce").asDouble()).isCloseTo(e.get("rmsce_uniform").asDouble(), within(TOLERANCE));
    for (String key : List.of("reliability", "resolution", "uncertainty")) {
      assertThat(j.get("murphy").get(key).asDouble()).as(key)
          .isCloseTo(e.get("murphy_uniform").get(key).asDouble(), within(TOLERANCE));
    }
    JsonNode tail = j.get("tail");
    assertThat(tail).hasSize(5);
    for (JsonNode t : tail) {
      JsonNode gap = e.get("tail_gap").get(t.get("tau").asText());
      if (gap.isNull()) {
        assertThat(t.get("gap").isNull()).isTrue();
      } else {
        assertThat(t.get("gap").asDouble()).isCloseTo(gap.asDouble(), within(TOLERANCE));
      }
    }

    assertThat(run("report", "--input", reference(dataset).toString(), "--bins", Integer.toString(bins),
        "--binning", "array-split")).isZero();
    JsonNode a = json();
    assertThat(a.get("binning").asText()).isEqualTo("array-split");
    assertThat(a.get("ece").asDouble()).isCloseTo(e.get("ece_equal_mass").asDouble(), within(TOLERANCE));
    assertThat(a.get("mce").asDouble()).isCloseTo(e.get("mce_equal_mass").asDouble(), within(TOLERANCE));
  }

  @Test
  void jsonHasEveryContractFieldWithIntegersAsIntegers() throws Exception {
    assertThat(run("report", "--input", reference("uniform_shifted_n1000").toString())).isZero();
    assertThat(err()).isEmpty();
    JsonNode j = json();
    for (String key : List.of("n", "positives", "prevalence", "auroc", "auprc", "brier", "log_loss", "ece", "mce",
        "rmsce", "ece_debiased", "spiegelhalter_z", "murphy", "tail", "bins", "tier")) {
      assertThat(j.has(key)).as(key).isTrue();
    }
    assertThat(j.has("ci")).isFalse();
    assertThat(j.get("n").isInt()).isTrue();
    assertThat(j.get("positives").isInt()).isTrue();
    assertThat(j.get("murphy").fieldNames()).toIterable().contains("reliability", "resolution", "uncertainty");
    assertThat(j.get("tail").get(0).fieldNames()).toIterable().contains("tau", "n", "gap");
    assertThat(j.get("tail").get(0).get("n").isIntegralNumber()).isTrue();
    JsonNode bins = j.get("bins");
    assertThat(bins).hasSize(15);
    for (JsonNode b : bins) {
      assertThat(b.fieldNames()).toIterable().contains("lo", "hi", "n", "mean_p", "observed", "ci_lo", "ci_hi");
      assertThat(b.get("n").isIntegralNumber()).isTrue();
    }
    int rows = 0;
    for (JsonNode b : bins) {
      rows += b.get("n").asInt();
    }
    assertThat(rows).isEqualTo(1000);
    // ECE 0.0788: within annotate's 0.10 but not warn's 0.07.
    assertThat(j.get("tier").get("qualified").asInt()).isEqualTo(1);
    assertThat(j.get("tier").get("name").asText()).isEqualTo("annotate");
  }

  @Test
  void undefinedValuesAreNullNotNaN() throws Exception {
    Path f = Files.writeString(dir.resolve("one-class.csv"), "p,y\n0.1,0\n0.2,0\n0.3,0\n");
    assertThat(run("report", "--input", f.toString())).isZero();
    assertThat(out()).doesNotContain("NaN").doesNotContain("Infinity");
    JsonNode j = json();
    assertThat(j.get("auroc").isNull()).isTrue();
    assertThat(j.get("auprc").isNull()).isTrue();
    assertThat(j.get("tail").get(0).get("gap").isNull()).isTrue();
    JsonNode emptyBin = j.get("bins").get(14);
    assertThat(emptyBin.get("n").asInt()).isZero();
    assertThat(emptyBin.get("mean_p").isNull()).isTrue();
    assertThat(emptyBin.get("ci_lo").isNull()).isTrue();
  }

  @Test
  void bootstrapAddsIntervalsReproduciblyFromTheSeed() throws Exception {
    String input = reference("uniform_shifted_n1000").toString();
    assertThat(run("report", "--input", input, "--bootstrap", "40", "--seed", "7")).isZero();
    String first = out();
    JsonNode j = json();
    JsonNode ci = j.get("ci");
    for (String key : List.of("auroc", "auprc", "brier", "ece", "mce")) {
      JsonNode interval = ci.get(key);
      assertThat(interval).as(key).hasSize(2);
      assertThat(interval.get(0).asDouble()).as(key).isLessThanOrEqualTo(interval.get(1).asDouble());
    }
    assertThat(ci.get("auroc").get(0).asDouble()).isLessThan(j.get("auroc").asDouble());
    assertThat(ci.get("auroc").get(1).asDouble()).isGreaterThan(j.get("auroc").asDouble());
    assertThat(ci.fieldNames()).toIterable().hasSize(Metric.values().length);
    assertThat(j.get("ci_tail")).hasSize(5);
    assertThat(j.get("ci_tail").get(0).get("gap")).hasSize(2);
    assertThat(j.get("bootstrap").get("resamples").asInt()).isEqualTo(40);
    assertThat(j.get("bootstrap").get("seed").asLong()).isEqualTo(7);

    assertThat(run("report", "--input", input, "--bootstrap", "40", "--seed", "7")).isZero();
    assertThat(out()).isEqualTo(first);
    assertThat(run("report", "--input", input, "--bootstrap", "40", "--seed", "8")).isZero();
    assertThat(out()).isNotEqualTo(first);
  }

  @Test
  void progressGoesToATerminalStderrAndNeverToStdout() throws Exception {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"report", "--input", reference("uniform_shifted_n1000").toString(),
        "--bootstrap", "30"}, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, true, false));
    assertThat(status).isZero();
    assertThat(err()).contains("\rvgac: bootstrap 30/30 (100%)").endsWith("\r\033[K");
    assertThat(json().get("ci").get("ece")).hasSize(2);
  }

  @Test
  void textIsTheDefaultOnATerminalAndShowsMetricsTailAndBins() throws Exception {
    String input = reference("uniform_shifted_n1000").toString();
    assertThat(run(true, "report", "--input", input, "--bootstrap", "20")).isZero();
    String text = out();
    assertThat(text).startsWith("Calibration report: " + input + "\n")
        .contains("1,000 rows, 580 positives (58.0%); uniform binning, 15 bins")
        .contains("Qualified tier: 1 (annotate), from ECE 0.0788")
        .containsPattern("\n  AUROC +0\\.8422   \\[0\\.\\d{4}, 0\\.\\d{4}]\n")
        .containsPattern("\n   0\\.90 +109 +0\\.0467   \\[0\\.\\d{4}, 0\\.\\d{4}]\n")
        .containsPattern("\n   15  \\[0\\.933, 1\\.000] +76 +0\\.9688 +1\\.0000  \\[0\\.9519, 1\\.0000] +0\\.0312\n");
    assertThat(text.lines().filter(l -> l.matches(" +\\d+  \\[.*")).count()).isEqualTo(15);
    assertThat(err()).isEmpty();
  }

  @Test
  void markdownHasHeadingsAndTables() throws Exception {
    assertThat(run("report", "--input", reference("uniform_shifted_n1000").toString(), "--format", "markdown"))
        .isZero();
    String md = out();
    assertThat(md).startsWith("# Calibration report: `")
        .contains("\n## Metrics\n", "\n## Tail calibration\n", "\n## Bins\n")
        .contains("| AUROC | 0.8422 |\n")
        .contains("| 15 | [0.933, 1.000] | 76 | 0.9688 | 1.0000 | [0.9519, 1.0000] | 0.0312 |\n");
  }

  @Test
  void svgIsAWellFormedReliabilityDiagramWrittenWithoutLeftovers() throws Exception {
    Path svg = dir.resolve("diagram.svg");
    Files.writeString(svg, "old content");
    assertThat(run("report", "--input", reference("uniform_shifted_n1000").toString(), "--svg", svg.toString()))
        .isZero();
    assertThat(json().get("n").asInt()).isEqualTo(1000);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(svg.toFile());
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    // One point per non-empty bin plus the legend's; one bar per bin plus background and legend box.
    assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(15 + 1);
    assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(15 + 3);
    assertThat(Files.readString(svg)).contains("ECE 0.0788").contains("MCE 0.1404");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("diagram.svg");
    }
  }

  @Test
  void gzipInputThroughTheCommand() throws Exception {
    Path gz = dir.resolve("data.csv.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(reference("uniform_shifted_n1000"), o);
    }
    assertThat(run("report", "--input", gz.toString())).isZero();
    assertThat(json().get("n").asInt()).isEqualTo(1000);
  }

  @Test
  void badInputWritesNothingButOneLineOnStderr() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.csv"), "p,y\n0.1,0\n0.2,1\n1.5,1\n");
    Path svg = dir.resolve("never.svg");
    assertThat(run("report", "--input", f.toString(), "--svg", svg.toString(), "--format", "text"))
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac: " + f + ": row 3 (line 4), field 'p': not a probability: 1.5\n");
    assertThat(out()).isEmpty();
    assertThat(svg).doesNotExist();
  }

  @Test
  void errorsNameTheFileAsTheUserWroteIt() {
    assertThat(run("report", "--input", "no/such/file.csv")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac: no/such/file.csv: no such file\n");
  }

  @Test
  void unwritableSvgIsReportedBeforeAnyWork() throws Exception {
    assertThat(run("report", "--input", reference("uniform_shifted_n1000").toString(), "--svg",
        dir.resolve("missing-dir/d.svg").toString())).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).startsWith("vgac: ").contains("d.svg: cannot write: no such directory");
    assertThat(out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "--bins,0 => --bins must be an integer in [1, 100000] but was '0'",
      "--binning,quantile => --binning must be one of uniform|equal-mass|array-split but was 'quantile'",
      "--format,xml => --format must be one of json|text|markdown but was 'xml'",
      "--bootstrap,-1 => --bootstrap must be an integer in [0, 100000] but was '-1'",
      "--seed,x => --seed must be a 64-bit integer but was 'x'",
      "--label-col,p => --prob-col and --label-col must name different columns but both are 'p'",
  })
  void badOptionValuesAreUsageErrors(String option, String message) throws Exception {
    List<String> args = new ArrayList<>(List.of("report", "--input", reference("uniform_shifted_n1000").toString()));
    args.addAll(List.of(option.split(",")));
    assertThat(run(args.toArray(String[]::new))).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac report: " + message + " (see 'vgac report --help')\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void inputIsRequired() {
    assertThat(run("report")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err()).isEqualTo("vgac report: --input is required (see 'vgac report --help')\n");
  }

  @Test
  void equalMassKeepsTiesTogetherAndSaysSo() throws Exception {
    assertThat(run("report", "--input", reference("ties_12_levels_n5000").toString(), "--binning", "equal-mass",
        "--bins", "20", "--format", "text")).isZero();
    assertThat(out()).containsPattern("equal-mass binning, \\d+ bins \\(20 requested; ties kept together\\)");
  }
}
