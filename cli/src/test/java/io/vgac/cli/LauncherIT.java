package io.vgac.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code ./vgac} script (after {@code package}, so it finds a fresh jar and builds nothing). */
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("vgac.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Result(int status, String out, String err) {}

  private Result vgac(String... args) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("vgac").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().put("VGAC_NO_BUILD", "1"); // this build has just packaged the jar; never nest another
    Process process = builder
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("vgac finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void reportOnTheBundledExamplePrintsOneJsonDocument() throws Exception {
    Result r = vgac("report", "--input", "examples/data/predictions.csv");
    assertThat(r.err()).isEmpty();
    assertThat(r.status()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("n").asInt()).isEqualTo(1000);
    assertThat(json.get("ece").asDouble()).isBetween(0.0787, 0.0788);
  }

  @Test
  void badInputExitsWithTwoAndOneLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "p,y\n0.5,yes\n");
    Result r = vgac("report", "--input", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("vgac: " + bad + ": row 1 (line 2), field 'y': not a 0/1 label: yes\n");
  }
}
