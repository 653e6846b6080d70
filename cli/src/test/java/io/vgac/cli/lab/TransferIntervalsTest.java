package io.vgac.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgac.cli.Main;
import io.vgac.tracelab.read.Traces;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vgac transfer}'s interval fields on two bundled traces (cli.md fields unchanged). */
class TransferIntervalsTest {
  @TempDir Path dir;

  Path bundled(String name) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = Traces.class.getResourceAsStream(Traces.BUNDLED_DIR + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  String run(String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path kth = dir.resolve(Traces.KTH_SP2);
    Path ali = dir.resolve(Traces.ALIBABA_GPU);
    int status = Main.run(new String[] {"transfer", "--train", kth.toString(), "--test", ali.toString(),
        "--format", format}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTestSideHasStaticAndAdaptiveIntervals() throws Exception {
    bundled(Traces.KTH_SP2);
    bundled(Traces.ALIBABA_GPU);
    JsonNode d = new ObjectMapper().readTree(run("json"));
    for (String f : new String[] {"train", "test", "ece_ratio", "auroc_change", "recalibrated"}) {
      assertThat(d.has(f)).as(f).isTrue();
    }
    JsonNode st = d.get("test").get("interval");
    JsonNode ad = d.get("test").get("interval_adaptive");
    assertThat(st.get("nominal").asDouble()).isEqualTo(0.8);
    assertThat(st.get("coverage").asDouble()).isLessThan(0.5); // the static interval misses badly here
    assertThat(st.get("median_width_s").isNumber()).isTrue();
    assertThat(ad.get("nominal").asDouble()).isEqualTo(0.8);
    assertThat(ad.get("coverage").asDouble()).isCloseTo(0.8, offset(0.02));
    assertThat(ad.get("median_width_s").asDouble()).isLessThan(st.get("median_width_s").asDouble());
    assertThat(d.get("train").has("interval")).isFalse();
    assertThat(run("markdown")).contains("## Wait intervals on the target", "| adaptive |", "| static |");
  }
}
