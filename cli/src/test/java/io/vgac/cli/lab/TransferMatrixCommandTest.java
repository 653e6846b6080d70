package io.vgac.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.calibration.recalibration.CalibrationMethod;
import io.vgac.cli.Main;
import io.vgac.tracelab.eval.Evaluator;
import io.vgac.tracelab.eval.TransferExperiment;
import io.vgac.tracelab.eval.TransferResult;
import io.vgac.tracelab.features.FeatureSweep;
import io.vgac.tracelab.features.LabelRule;
import io.vgac.tracelab.model.TrainingConfig;
import io.vgac.tracelab.read.Traces;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vgac transfer-matrix} on the three bundled traces (their first 4,000 jobs: a few seconds). */
class TransferMatrixCommandTest {
  static final int LIMIT = 4000;
  static final int RECALIBRATE = 500;

  @TempDir Path dir;
  Path traces;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void copyTheBundledTraces() throws Exception {
    traces = Files.createDirectories(dir.resolve("traces"));
    for (String name : Traces.BUNDLED) {
      try (InputStream in = Traces.class.getResourceAsStream(Traces.BUNDLED_DIR + name)) {
        Files.copy(in, traces.resolve(name));
      }
    }
    Files.writeString(traces.resolve("README.txt"), "not a trace: ignored when the directory is expanded");
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyOrderedPairIsInTheJsonTheMarkdownAndItsOwnDiagram() throws Exception {
    Path o = dir.resolve("out");
    int status = run("transfer-matrix", "--traces", traces.toString(), "--out", o.toString(), "--limit",
        String.valueOf(LIMIT), "--recalibrate", String.valueOf(RECALIBRATE), "--bootstrap", "20");
    assertThat(status).as(err()).isZero();
    String stdout = out.toString(StandardCharsets.UTF_8);
    JsonNode json = new ObjectMapper().readTree(o.resolve("matrix.json").toFile());
    assertThat(new ObjectMapper().readTree(stdout)).isEqualTo(json); // stdout (json when piped) = the file

    // directory expansion: trace files only, by file name
    List<String> names = new ArrayList<>();
    json.get("traces").forEach(t -> names.add(t.get("name").asText()));
    assertThat(names).containsExactly("Alibaba-GPU-2023-openb-pods", "KTH-SP2-1996-2.1-cln", "UniLu-Gaia-2014-1");
    assertThat(json.get("label").asText()).isEqualTo("wait>600s");
    assertThat(json.get("recalibrate_n").asInt()).isEqualTo(RECALIBRATE);
    assertThat(json.get("limit").asInt()).isEqualTo(LIMIT);

    JsonNode pairs = json.get("pairs");
    assertThat(pairs).hasSize(6);
    for (int i = 0; i < 3; i++) {
      assertThat(json.get("ece_ratio").get(i).get(i).isNull()).isTrue();
      assertThat(json.get("auroc_change").get(i).get(i).isNull()).isTrue();
      assertThat(Files.readString(o.resolve(json.get("traces").get(i).get("svg").asText()))).startsWith("<svg");
    }
    for (JsonNode p : pairs) {
      int i = names.indexOf(p.get("train_trace").asText());
      int j = names.indexOf(p.get("test_trace").asText());
      assertThat(i).isNotEqualTo(j).isNotNegative();
      assertThat(j).isNotNegative();
      // the matrix views are the pairs' own numbers, in the right cell
      assertThat(json.get("ece_ratio").get(i).get(j).asDouble()).isEqualTo(p.get("ece_ratio").asDouble());
      assertThat(json.get("auroc_change").get(i).get(j).asDouble()).isEqualTo(p.get("auroc_change").asDouble());
      for (String f : List.of("train", "test", "recalibrated")) {
        assertThat(p.get(f).get("ci").has("ece")).as(f).isTrue(); // the bootstrap ran
      }
      assertThat(p.get("tier_before").get("point").asInt()).isEqualTo(p.get("test").get("tier").asInt());
      assertThat(p.get("tier_after").get("upper_bound").asInt())
          .isEqualTo(p.get("recalibrated").get("tier_upper_bound").asInt());
      String svg = Files.readString(o.resolve(p.get("svg").asText()));
      assertThat(svg).startsWith("<svg").contains("(all labelled jobs)", "recalibration)");
    }
    try (Stream<Path> svgs = Files.list(o.resolve("reliability"))) {
      assertThat(svgs.filter(f -> f.toString().endsWith(".svg")).count()).isEqualTo(3 + 6);
    }
    String md = Files.readString(o.resolve("matrix.md"));
    assertThat(md).contains("## ECE ratio", "## AUROC change", "## Qualified tier on the target",
        "| KTH-SP2 → UniLu-Gaia |", "| train ↓ · test → | Alibaba-GPU | KTH-SP2 | UniLu-Gaia |");
    assertThat(err()).contains("3 traces, 6 pairs");
  }

  @Test
  void aCellIsWhatTheTransferExperimentGivesForThatPair() throws Exception {
    Path o = dir.resolve("out");
    Path kth = traces.resolve(Traces.KTH_SP2);
    Path gaia = traces.resolve(Traces.UNILU_GAIA);
    assertThat(run("transfer-matrix", "--traces", kth + "," + gaia, "--out", o.toString(), "--limit",
        String.valueOf(LIMIT), "--recalibrate", String.valueOf(RECALIBRATE), "--bootstrap", "0")).as(err()).isZero();
    JsonNode pair = new ObjectMapper().readTree(o.resolve("matrix.json").toFile()).get("pairs").get(0);
    TransferResult direct = new TransferExperiment(TrainingConfig.ofDefaults().withLabel(LabelRule.DEFAULT),
        new Evaluator(0, 0), CalibrationMethod.ISOTONIC).run(
        FeatureSweep.sweep(Traces.bundled(Traces.KTH_SP2).head(LIMIT)),
        FeatureSweep.sweep(Traces.bundled(Traces.UNILU_GAIA).head(LIMIT)), RECALIBRATE);
    assertThat(pair.get("train_trace").asText()).isEqualTo("KTH-SP2-1996-2.1-cln");
    assertThat(pair.get("ece_ratio").asDouble()).isEqualTo(direct.eceRatio());
    assertThat(pair.get("auroc_change").asDouble()).isEqualTo(direct.aurocChange());
    assertThat(pair.get("recalibrated").get("ece").asDouble()).isEqualTo(direct.recalibrated().ece());
  }

  @Test
  void aMalformedTraceIsExit2NamingFileLineAndFieldAndWritesNothing() throws Exception {
    Path bad = traces.resolve("zz-bad.swf");
    Files.writeString(bad, "; MaxProcs: 10\n1 0 5 5 1 -1 -1 1 60 -1 1 1 1 -1 -1 -1 -1 -1\n"
        + "2 9 x 5 1 -1 -1 1 60 -1 1 1 1 -1 -1 -1 -1 -1\n");
    Path o = dir.resolve("out");
    assertThat(run("transfer-matrix", "--traces", traces.toString(), "--out", o.toString(), "--limit", "2000"))
        .isEqualTo(2);
    assertThat(err()).isEqualTo("vgac: " + bad + ": line 3, field 'wait_time': not a number: 'x'\n");
    assertThat(o).doesNotExist();
  }

  @Test
  void tooFewTargetJobsToRecalibrateOnIsExit2NamingTheTarget() throws Exception {
    Path o = dir.resolve("out");
    Path kth = traces.resolve(Traces.KTH_SP2);
    Path gaia = traces.resolve(Traces.UNILU_GAIA);
    assertThat(run("transfer-matrix", "--traces", kth + "," + gaia, "--out", o.toString(), "--limit", "500",
        "--recalibrate", "600", "--bootstrap", "0")).isEqualTo(2);
    assertThat(err()).startsWith("vgac: " + gaia + ": cannot transfer KTH-SP2-1996-2.1-cln's model to it: "
        + "recalibrate must be in [1, ").doesNotContain("\n\n");
    assertThat(err().lines()).hasSize(1);
    assertThat(o).doesNotExist();
  }

  @Test
  void usageErrorsAreExit2OnOneLine() throws Exception {
    Path kth = traces.resolve(Traces.KTH_SP2);
    assertThat(run("transfer-matrix", "--traces", kth.toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(err()).startsWith("vgac transfer-matrix: --traces must name at least 2 traces but named 1");
    assertThat(run("transfer-matrix", "--traces", kth + ",", "--out", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err()).contains("--traces has an empty entry");
    assertThat(run("transfer-matrix", "--traces", kth + "," + dir.resolve("nope.swf"), "--out",
        dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("vgac: " + dir.resolve("nope.swf") + ": no such file or directory\n");
    assertThat(run("transfer-matrix", "--traces", traces.toString(), "--out",
        dir.resolve("missing/o").toString())).isEqualTo(2);
    assertThat(err()).startsWith("vgac: " + dir.resolve("missing/o") + ": cannot write: no such directory");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("transfer-matrix", "--traces", empty + "," + kth, "--out", dir.resolve("o").toString()))
        .isEqualTo(2);
    assertThat(err()).isEqualTo("vgac: " + empty + ": no trace files (*.swf, *.swf.gz, *.csv, *.csv.gz) in this"
        + " directory\n");
    assertThat(run("transfer-matrix", "--traces", traces.toString())).isEqualTo(2);
    assertThat(err()).contains("--out is required");
  }
}
