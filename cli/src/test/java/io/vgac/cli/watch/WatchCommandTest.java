package io.vgac.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {
  private static final double[] LOW = {0.02, 0.05, 0.1};
  private final ObjectMapper mapper = new ObjectMapper();
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run watch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = WatchCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Rows with p drawn from {@code scores}; outcomes ~ Bernoulli(p + shift) from row {@code shiftAt} on. */
  private static List<String> rows(String env, int n, double[] scores, int shiftAt, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double p = scores == null ? 0.3 + 0.6 * r.nextDouble() : scores[r.nextInt(scores.length)];
      double q = Math.min(1, Math.max(0, p + (i >= shiftAt ? shift : 0)));
      int y = r.nextDouble() < q ? 1 : 0;
      out.add(String.format(Locale.ROOT, "%s,%.6f,%d", env, p, y));
    }
    return out;
  }

  private Path csv(String name, String header, List<String> rows) throws IOException {
    Path f = dir.resolve(name);
    List<String> lines = new ArrayList<>();
    lines.add(header);
    lines.addAll(rows);
    Files.write(f, lines, StandardCharsets.UTF_8);
    return f;
  }

  private JsonNode ok(Run run) throws IOException {
    assertThat(run.err()).isEmpty();
    assertThat(run.status()).isZero();
    return mapper.readTree(run.out());
  }

  private static List<JsonNode> alarms(JsonNode doc, String detector, String env) {
    List<JsonNode> out = new ArrayList<>();
    doc.get("alarms").forEach(a -> {
      if (a.get("detector").asText().equals(detector) && a.get("env").asText().equals(env)) {
        out.add(a);
      }
    });
    return out;
  }

  @Test
  void aCalibratedStreamRaisesNoEProcessAlarm() throws IOException {
    Path f = csv("calibrated.csv", "env,p,y", rows("x", 3_000, LOW, Integer.MAX_VALUE, 0, 1));
    JsonNode doc = ok(watch("--input", f.toString()));
    assertThat(doc.get("n").asLong()).isEqualTo(3_000);
    assertThat(alarms(doc, "calibration-eprocess", "default")).isEmpty();
    JsonNode env = doc.get("environments").get(0);
    assertThat(env.get("env").asText()).isEqualTo("default");
    assertThat(env.get("sample_count").asLong()).isEqualTo(3_000);
    assertThat(env.get("tier").asInt()).isEqualTo(4);
    assertThat(env.get("calibration_score").asDouble()).isGreaterThan(0.85);
    assertThat(env.get("ece").asDouble()).isLessThan(0.03);
    // The design's ratio rule on a 200-row window does fire on calibrated data now and then (its known
    // small-sample bias); the noise floor says so.
    assertThat(env.get("drift").get("within_noise").asBoolean()).isTrue();
    assertOncePerExcursion(alarms(doc, "ece-ratio", "default"));
    for (String field : List.of("ece_upper", "tier_upper", "state", "drift", "cumulative_ece")) {
      assertThat(env.has(field)).as(field).isTrue();
    }
  }

  @Test
  void anUpwardShiftIsFlaggedAfterTheShiftAsUnderPrediction() throws IOException {
    Path f = csv("shift.csv", "env,p,y", rows("x", 3_000, LOW, 1_000, 0.3, 2));
    JsonNode doc = ok(watch("--input", f.toString(), "--format", "json"));
    List<JsonNode> e = alarms(doc, "calibration-eprocess", "default");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).get("direction").asText()).isEqualTo("under");
    assertThat(e.get(0).get("index").asLong()).isBetween(1_000L, 1_300L);
    assertThat(e.get(0).get("statistic").asDouble()).isGreaterThanOrEqualTo(1_000);
    List<JsonNode> ratio = alarms(doc, "ece-ratio", "default");
    assertOncePerExcursion(ratio);
    // After the shift the window stays above 2x the baseline: one excursion, one alarm, not one per row.
    List<JsonNode> after = ratio.stream().filter(a -> a.get("index").asLong() >= 1_000).toList();
    assertThat(after).hasSize(1);
    assertThat(after.get(0).get("direction").asText()).isEqualTo("under");
    JsonNode env = doc.get("environments").get(0);
    assertThat(env.get("state").asText()).isEqualTo("DRIFTING");
    assertThat(env.get("scope").asText()).isEqualTo("ESCALATE");
    assertThat(env.get("recalibration_required").asBoolean()).isTrue();
    assertThat(env.get("drift").get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(env.get("drift").get("within_noise").asBoolean()).isFalse();
  }

  @Test
  void aDownwardShiftIsOverPrediction() throws IOException {
    Path f = csv("down.csv", "p,y,env", rows("x", 3_000, null, 1_000, -0.25, 3).stream()
        .map(l -> l.substring(2) + ",x").toList());
    JsonNode doc = ok(watch("--input", f.toString()));
    List<JsonNode> e = alarms(doc, "calibration-eprocess", "default");
    assertThat(e).hasSize(1);
    assertThat(e.get(0).get("direction").asText()).isEqualTo("over");
    assertThat(e.get(0).get("index").asLong()).isBetween(1_000L, 1_300L);
  }

  @Test
  void environmentsAreTrackedSeparately() throws IOException {
    List<String> a = rows("eks-prod", 2_000, LOW, Integer.MAX_VALUE, 0, 4);
    List<String> b = rows("slurm-a100", 2_000, LOW, 500, 0.3, 5);
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      mixed.add(a.get(i));
      mixed.add(b.get(i));
    }
    Path f = csv("fleet.csv", "cluster,p,y", mixed);
    JsonNode doc = ok(watch("--input", f.toString(), "--env-col", "cluster", "--window", "300"));
    assertThat(doc.get("n").asLong()).isEqualTo(4_000);
    assertThat(alarms(doc, "calibration-eprocess", "eks-prod")).isEmpty();
    List<JsonNode> e = alarms(doc, "calibration-eprocess", "slurm-a100");
    assertThat(e).hasSize(1);
    // Row index in the file: slurm-a100's k-th row is file row 2k + 1; its shift starts at its row 500.
    assertThat(e.get(0).get("index").asLong()).isGreaterThan(2 * 500 + 1).isOdd();
    JsonNode envs = doc.get("environments");
    assertThat(envs).hasSize(2);
    assertThat(envs.get(0).get("env").asText()).isEqualTo("eks-prod");
    assertThat(envs.get(0).get("sample_count").asLong()).isEqualTo(2_000);
    assertThat(envs.get(0).get("e_statistic").asDouble()).isLessThan(1_000);
    assertThat(envs.get(1).get("state").asText()).isEqualTo("DRIFTING");
  }

  @Test
  void textFormat() throws IOException {
    Path f = csv("t.csv", "env,p,y", rows("x", 500, LOW, 100, 0.4, 6));
    Run run = watch("--input", f.toString(), "--format", "text");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("500 rows,").contains("calibration-eprocess").contains("default");
  }

  @Test
  void badInputExitsTwoWithOneLineNamingFileRowAndField() throws IOException {
    List<String> good = rows("x", 5, LOW, 99, 0, 7);
    Path badP = csv("badp.csv", "env,p,y", List.of(good.get(0), good.get(1), "x,1.5,0", good.get(3)));
    assertBad(watch("--input", badP.toString()), badP + ": row 3 (line 4), field 'p': not a probability: 1.5");
    Path badY = csv("bady.csv", "env,p,y", List.of(good.get(0), "x,0.2,2"));
    assertBad(watch("--input", badY.toString()), badY + ": row 2 (line 3), field 'y': not a 0/1 label: 2");
    Path nan = csv("nan.csv", "env,p,y", List.of("x,NaN,1"));
    assertBad(watch("--input", nan.toString()), nan + ": row 1 (line 2), field 'p': not a probability: NaN");
    Path word = csv("word.csv", "env,p,y", List.of("x,0.2,true"));
    assertBad(watch("--input", word.toString()), word + ": row 1 (line 2), field 'y': not a 0/1 label: true");
    Path emptyEnv = csv("env.csv", "env,p,y", List.of(good.get(0), ",0.2,1"));
    assertBad(watch("--input", emptyEnv.toString(), "--env-col", "env"),
        emptyEnv + ": row 2 (line 3), field 'env': empty");
    Path noEnv = csv("noenv.csv", "env,p,y", good);
    assertBad(watch("--input", noEnv.toString(), "--env-col", "cluster"),
        noEnv + ": line 1: the header has no column 'cluster' (columns: env, p, y); choose one with --env-col");
    Path short_ = csv("short.csv", "env,p,y", List.of("x,0.2"));
    assertBad(watch("--input", short_.toString()), short_ + ": row 1 (line 2): 2 fields but the header has 3");
    Path noCol = csv("nocol.csv", "env,prob,y", good);
    assertBad(watch("--input", noCol.toString()),
        noCol + ": line 1: the header has no column 'p' (columns: env, prob, y); choose one with --prob-col");
    assertBad(watch("--input", dir.resolve("missing.csv").toString()), dir.resolve("missing.csv") + ": no such file");
    Path ok = csv("ok.csv", "env,p,y", good);
    assertBad(watch("--input", ok.toString(), "--alpha", "1.5"), "--alpha must be in (0,1) but was 1.5");
    assertBad(watch("--input", ok.toString(), "--window", "0"), "--window must be in [1, 4194304] but was 0");
    assertBad(watch("--input", ok.toString(), "--format", "xml"), "--format must be json or text but was 'xml'");
    assertBad(watch("--input", ok.toString(), "--bogus", "1"), "unknown option '--bogus'");
    assertBad(watch("--input", ok.toString(), "--env-col", "p"),
        "--env-col must name a column other than --prob-col and --label-col but was 'p'");
    assertBad(watch("--input", ok.toString(), "--label-col", "p"),
        "--prob-col and --label-col must name different columns but both are 'p'");
    assertBad(watch(), "missing --input FILE.csv");
  }

  @Test
  void aBadRowAfterManyGoodOnesStillPrintsNothing() throws IOException {
    List<String> lines = new ArrayList<>(rows("x", 5_000, LOW, 1_000, 0.3, 9));
    lines.add("x,0.5,7");
    Path f = csv("late.csv", "env,p,y", lines);
    assertBad(watch("--input", f.toString(), "--env-col", "env"),
        f + ": row 5001 (line 5002), field 'y': not a 0/1 label: 7");
  }

  @Test
  void quotedAndCrlfInputIsReadLikeReportReadsIt() throws IOException {
    Path f = dir.resolve("quoted.csv");
    StringBuilder sb = new StringBuilder("\uFEFF\"p\",\"y\",\"env\"\r\n");
    List<String> plain = rows("x", 600, LOW, 200, 0.4, 10);
    for (int i = 0; i < plain.size(); i++) {
      String[] parts = plain.get(i).split(",");
      String env = i % 2 == 0 ? "\"a,1\"" : " b ";
      sb.append(parts[1]).append(',').append(parts[2]).append(',').append(env).append("\r\n");
    }
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    JsonNode doc = ok(watch("--input", f.toString(), "--env-col", "env"));
    assertThat(doc.get("n").asLong()).isEqualTo(600);
    JsonNode envs = doc.get("environments");
    assertThat(envs).hasSize(2);
    assertThat(envs.get(0).get("env").asText()).isEqualTo("a,1");
    assertThat(envs.get(1).get("env").asText()).isEqualTo("b");
    assertThat(envs.get(0).get("sample_count").asLong()).isEqualTo(300);
  }

  @Test
  void registeredAsAMainCommand() throws IOException {
    Path f = csv("main.csv", "env,p,y", rows("x", 400, LOW, 100, 0.4, 8));
    Path gz = dir.resolve("main.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(f));
    }
    for (Path input : List.of(f, gz)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = io.vgac.cli.Main.run(new String[] {"watch", "--input", input.toString()},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(status).isZero();
      assertThat(mapper.readTree(out.toString(StandardCharsets.UTF_8)).get("n").asLong()).isEqualTo(400);
    }
    Path bad = csv("mainbad.csv", "env,p,y", List.of("x,0.5,1", "x,-0.1,0"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = io.vgac.cli.Main.run(new String[] {"watch", "--input", bad.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("vgac: " + bad + ": row 2 (line 3), field 'p': not a probability: -0.1" + System.lineSeparator());
  }

  private static void assertOncePerExcursion(List<JsonNode> ratioAlarms) {
    for (int i = 1; i < ratioAlarms.size(); i++) {
      assertThat(ratioAlarms.get(i).get("index").asLong() - ratioAlarms.get(i - 1).get("index").asLong())
          .isGreaterThan(1);
    }
  }

  private static void assertBad(Run run, String message) {
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("vgac watch: " + message + System.lineSeparator());
  }
}
