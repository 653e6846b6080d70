package io.vgac.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void theDemoTellsTheStoryOnTheBundledTraces() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"demo", "--out", dir.toString(), "--limit", "1500"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text).contains("new environment unilu-gaia", "learning mode", "drift alarm → autonomy reduced",
        "recalibrated: isotonic", "autonomy regained", "Wait intervals", "80% interval");
    List<String> lines = Files.readAllLines(dir.resolve("decisions.jsonl"));
    assertThat(lines).isNotEmpty();
    ObjectMapper m = new ObjectMapper();
    boolean escalated = false;
    boolean acted = false;
    boolean coverage = false;
    for (String l : lines) {
      JsonNode d = m.readTree(l);
      if (d.has("interval_coverage")) {
        coverage = true;
        assertThat(d.get("interval_coverage").asDouble()).isBetween(0.0, 1.0);
        assertThat(d.get("interval_coverage_ci").size()).isEqualTo(2);
      }
      for (String f : List.of("time", "env", "job_id", "action", "tier", "scope", "decision", "reason", "p", "ece",
          "ece_ci", "sample_count", "calibration_score", "drift")) {
        assertThat(d.has(f)).as(f).isTrue();
      }
      escalated |= d.get("decision").asText().equals("escalated");
      acted |= d.get("decision").asText().startsWith("executed");
    }
    assertThat(escalated).isTrue();
    assertThat(acted).isTrue();
    assertThat(coverage).as("decisions carry the realised interval coverage once known").isTrue();
    assertThat(Files.readString(dir.resolve("report.md"))).contains("Tier table", "reliability-kth-sp2.svg");
    assertThat(Files.readString(dir.resolve("reliability-alibaba-gpu.svg"))).startsWith("<svg");
  }

  @Test
  void transferWritesTheContractFieldsAndABadTraceIsExit2() throws Exception {
    Path bad = dir.resolve("bad.swf");
    Files.writeString(bad, "; MaxProcs: 10\n1 0 5 5 1 -1 -1 1 60 -1 1 1 1 -1 -1 -1 -1\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"transfer", "--train", bad.toString(), "--test", bad.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("vgac: " + bad + ": line 2: 17 fields, not 18 fields");
  }
}
