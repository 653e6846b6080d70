package io.vgac.agents.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's segment roll-over (a small segment size) and its line format; the SPI contract is in testkit. */
class PredictionJournalTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void appendsRollOverIntoNewSegmentsAndReadBackInOrderWithTheLastReplacementWinning() throws IOException {
    List<PredictionRecord> expected = new ArrayList<>();
    try (FileCalibrationStore store = new FileCalibrationStore(dir, clock, true, 700)) {
      for (int i = 0; i < 20; i++) {
        PredictionRecord p = PredictionRecord.pending("c", T0.plusSeconds(19 - i), "j" + i, i, 0.5);
        store.appendPrediction(p);
        expected.add(0, p);
      }
      // Replace the first one written, which now sits in the first segment.
      PredictionRecord replacement = PredictionRecord.scored("c", T0.plusSeconds(19), "j0", 0, 3, 0.5);
      store.appendPrediction(replacement);
      expected.set(19, replacement);
      assertThat(segments()).hasSizeGreaterThan(3);
      assertThat(store.predictions("c", T0, T0.plusSeconds(20))).containsExactlyElementsOf(expected);
      assertThat(store.predictions("c", T0.plusSeconds(5), T0.plusSeconds(8)))
          .containsExactlyElementsOf(expected.subList(5, 8));
    }
    for (Path segment : segments()) {
      assertThat(Files.size(segment)).as("one line may not fit, but a second never joins it").isLessThanOrEqualTo(700);
    }
    try (FileCalibrationStore store = new FileCalibrationStore(dir, clock, true, 1 << 20)) {
      assertThat(store.predictions("c", T0, T0.plusSeconds(20))).containsExactlyElementsOf(expected);
      assertThat(segments()).as("compacted into one segment after the old ones").hasSize(1);
    }
  }

  @Test
  void aLineIsTheChecksumOfItsJsonThenTheJson() {
    byte[] line = PredictionJournal.line("{\"a\":1}");
    String text = new String(line, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).matches("[0-9a-f]{8} \\{\"a\":1\\}\n");
    assertThat(PredictionJournal.checked(line, 0, line.length - 1)).isEqualTo("{\"a\":1}");
    line[3] = (byte) Character.toUpperCase(line[3]); // only the canonical lower-case form is accepted
    if (Character.isLetter(text.charAt(3))) {
      assertThat(PredictionJournal.checked(line, 0, line.length - 1)).isNull();
    }
    byte[] flipped = PredictionJournal.line("{\"a\":1}");
    flipped[12] ^= 0x01;
    assertThat(PredictionJournal.checked(flipped, 0, flipped.length - 1)).isNull();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("prediction").resolve("c"))) {
      return files.sorted().toList();
    }
  }
}
