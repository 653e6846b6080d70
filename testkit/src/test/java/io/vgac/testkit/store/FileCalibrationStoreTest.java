package io.vgac.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.CorruptStoreException;
import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.testkit.CalibrationStoreContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCalibrationStoreTest extends CalibrationStoreContract {
  @TempDir
  Path dir;

  @Override
  protected CalibrationStore createStore(Clock clock) {
    return new FileCalibrationStore(dir, clock);
  }

  @Override
  protected CalibrationStore reopen(CalibrationStore store, Clock clock) {
    store.close();
    return new FileCalibrationStore(dir, clock);
  }

  private Path calibrationFile(String encodedId) {
    return dir.resolve("calibration").resolve(encodedId + ".json");
  }

  @Test
  void filesHoldAChecksummedHeaderAndSnakeCaseJson() throws IOException {
    store.putCalibration(calibration("eu/west.1", 0.04, 300));
    List<String> lines = Files.readAllLines(calibrationFile("eu%2Fwest%2E1"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("vgac-store 1 crc32c=[0-9a-f]{8} length=\\d+");
    assertThat(lines.get(1)).contains("\"cluster_id\":\"eu/west.1\"", "\"current_ece\":0.04",
        "\"last_known_good_ece\":", "\"calibration_score\":", "\"sample_count\":300",
        "\"recalibration_needed\":false", "\"is_learning_mode\":false", "\"last_updated\":\"2026-01-05T10:00:00Z\"");
    store.appendPrediction(PredictionRecord.scored("eu/west.1", T0.plusMillis(1), "j", 1, 2, 0.5));
    List<String> journal = Files.readAllLines(segment("eu%2Fwest%2E1", 1), StandardCharsets.UTF_8);
    assertThat(journal).hasSize(1);
    assertThat(journal.get(0)).matches("[0-9a-f]{8} \\{.*\\}")
        .contains("\"cluster_id\":\"eu/west.1\"", "\"timestamp\":\"2026-01-05T10:00:00.001Z\"", "\"job_id\":\"j\"");
  }

  // ---- the prediction journal ------------------------------------------------------------------------------------

  private Path segment(String encodedId, long sequence) {
    return dir.resolve("prediction").resolve(encodedId).resolve(String.format("%012d.jsonl", sequence));
  }

  private List<PredictionRecord> threePredictions() {
    List<PredictionRecord> out = List.of(
        PredictionRecord.scored("eks-prod", T0, "j1", 1, 2, 0.5),
        PredictionRecord.scored("eks-prod", T0.plusSeconds(1), "j2", 3, 4, 0.6),
        PredictionRecord.pending("eks-prod", T0.plusSeconds(2), "j3", 5, 0.7));
    out.forEach(store::appendPrediction);
    return out;
  }

  @Test
  void aTornTailLineIsNeverReturnedAndIsCutOffOnOpen() throws IOException {
    List<PredictionRecord> acked = threePredictions();
    store.close();
    Path seg = segment("eks-prod", 1);
    byte[] whole = read(seg);
    // What SIGKILL in the middle of the fourth append leaves: the start of a line, no newline.
    String fourth = "0badc0de {\"cluster_id\":\"eks-prod\",\"timestamp\":\"2026-01-05T10:00:03Z\",\"job_id\":\"j4";
    Files.write(seg, fourth.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

    store = new FileCalibrationStore(dir, clock);
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactlyElementsOf(acked);
    store.close();
    List<Path> segments = segments("eks-prod");
    assertThat(segments).hasSize(1);
    assertThat(read(segments.get(0))).as("compacted: the torn line is gone").isEqualTo(whole);
    store = new FileCalibrationStore(dir, clock);
    PredictionRecord next = PredictionRecord.scored("eks-prod", T0.plusSeconds(3), "j4", 1, 1, 0.5);
    store.appendPrediction(next);
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).hasSize(4).endsWith(next);
  }

  @Test
  void aCompleteLastLineFailingItsChecksumIsATornTailToo() throws IOException {
    List<PredictionRecord> acked = threePredictions();
    store.close();
    Path seg = segment("eks-prod", 1);
    byte[] b = read(seg);
    b[b.length - 5] ^= 0x01; // inside the last line's JSON
    write(seg, b);
    store = new FileCalibrationStore(dir, clock);
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactlyElementsOf(acked.subList(0, 2));
  }

  @Test
  void aDamagedLineWithIntactLinesAfterItFailsTheOpenNamingFileAndLine() throws IOException {
    threePredictions();
    store.close();
    Path seg = segment("eks-prod", 1);
    byte[] b = read(seg);
    b[30] ^= 0x01; // inside the first line's JSON: a bit flip, not a crash
    write(seg, b);
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(seg.toString()).hasMessageContaining("line 1");
  }

  @Test
  void aChecksummedLineOfAnotherClusterFailsTheOpen() throws IOException {
    store.appendPrediction(PredictionRecord.scored("slurm-a100", T0, "j", 1, 2, 0.5));
    store.close();
    Path other = segment("eks-prod", 1);
    Files.createDirectories(other.getParent());
    Files.copy(segment("slurm-a100", 1), other);
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(other.toString()).hasMessageContaining("slurm-a100");
  }

  @Test
  void replacedAndExpiredPredictionsAreCompactedAwayOnOpen() throws IOException {
    PredictionRecord old = PredictionRecord.scored("eks-prod", T0, "j-old", 1, 2, 0.5);
    store.appendPrediction(old);
    store.appendPrediction(PredictionRecord.pending("eks-prod", T0.plusSeconds(60), "j1", 10, 0.7));
    PredictionRecord scored = PredictionRecord.scored("eks-prod", T0.plusSeconds(60), "j1", 10, 14, 0.7);
    store.appendPrediction(scored);
    assertThat(Files.readAllLines(segment("eks-prod", 1))).as("a replacement appends").hasSize(3);
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactly(old, scored);
    assertThat(segments("eks-prod")).hasSize(1);
    assertThat(Files.readAllLines(segments("eks-prod").get(0))).hasSize(2);

    clock.set(T0.plus(PredictionRecord.DEFAULT_TIME_TO_LIVE).plusSeconds(1)); // old expired, scored not yet
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactly(scored);
    assertThat(Files.readAllLines(segments("eks-prod").get(0))).hasSize(1);
    clock.set(T0.plus(PredictionRecord.DEFAULT_TIME_TO_LIVE).plusSeconds(61));
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).isEmpty();
    assertThat(segments("eks-prod")).isEmpty();
    PredictionRecord later = PredictionRecord.scored("eks-prod", clock.instant(), "j2", 1, 1, 0.5);
    store.appendPrediction(later);
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactly(later);
  }

  @Test
  void predictionFilesOfTheFirstLayoutAreMigratedIntoTheJournal() throws IOException {
    PredictionRecord inJournal = PredictionRecord.scored("eks-prod", T0.plusSeconds(5), "j-new", 1, 2, 0.5);
    store.appendPrediction(inJournal);
    store.close();
    PredictionRecord legacy = PredictionRecord.scored("eks-prod", T0.plusMillis(1), "j-legacy", 3, 4, 0.6);
    PredictionRecord replaced = PredictionRecord.pending("eks-prod", T0.plusSeconds(5), "j-new", 1, 0.5);
    Path dirOf = dir.resolve("prediction").resolve("eks-prod");
    Path legacyFile = dirOf.resolve(T0.getEpochSecond() + ".001000000.json");
    Path shadowed = dirOf.resolve(T0.getEpochSecond() + 5 + ".000000000.json");
    write(legacyFile, encode(io.vgac.agents.store.StoreJson.write(legacy)));
    write(shadowed, encode(io.vgac.agents.store.StoreJson.write(replaced)));

    store = new FileCalibrationStore(dir, clock);
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).as("the journal is newer than old files")
        .containsExactly(legacy, inJournal);
    assertThat(legacyFile).doesNotExist();
    assertThat(shadowed).doesNotExist();
    assertThat(restart().predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactly(legacy, inJournal);
  }

  @Test
  void aStrayFileInAClustersJournalFailsTheOpen() throws IOException {
    threePredictions();
    store.close();
    Path stray = dir.resolve("prediction").resolve("eks-prod").resolve("notes.txt");
    Files.writeString(stray, "hello");
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(stray.toString());
  }

  private List<Path> segments(String encodedId) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("prediction").resolve(encodedId))) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  @Test
  void leftoverTempFilesAreIgnoredAndRemovedOnOpen() throws IOException {
    CalibrationRecord acked = calibration("eks-prod", 0.03, 10);
    store.putCalibration(acked);
    store.appendPrediction(PredictionRecord.scored("eks-prod", T0, "j", 1, 2, 0.5));
    store.close();
    // What a crash between creating the temp file and renaming it leaves behind: half-written, never acknowledged.
    Path tmp1 = calibrationFile("eks-prod").resolveSibling("eks-prod.json.1b2c.tmp");
    Files.writeString(tmp1, "vgac-store 1 crc32c=00000000 length=999\n{\"cluster_id\":\"eks-");
    Path tmp2 = dir.resolve("trackers.json.77.tmp");
    Files.writeString(tmp2, "");
    Path tmp3 = dir.resolve("prediction").resolve("eks-prod").resolve("1.000000000.json.x.tmp");
    Files.writeString(tmp3, "garbage");

    store = new FileCalibrationStore(dir, clock);
    assertThat(store.calibration("eks-prod")).contains(acked);
    assertThat(store.predictions("eks-prod", T0, T0.plusSeconds(1))).hasSize(1);
    assertThat(store.loadTrackers()).isEmpty();
    assertThat(tmp1).doesNotExist();
    assertThat(tmp2).doesNotExist();
    assertThat(tmp3).doesNotExist();
  }

  @Test
  void aFlippedByteFailsTheOpenNamingTheFile() throws IOException {
    assertCorruptionIsLoud(file -> {
      byte[] b = read(file);
      b[b.length - 5] ^= 0x01; // still valid-looking JSON digits, so only the checksum can tell
      write(file, b);
    }, "checksum mismatch");
  }

  @Test
  void aTruncatedFileFailsTheOpenNamingTheFile() throws IOException {
    assertCorruptionIsLoud(file -> {
      byte[] b = read(file);
      write(file, java.util.Arrays.copyOf(b, b.length - 10));
    }, "header says");
  }

  @Test
  void aFileWithoutHeaderFailsTheOpenNamingTheFile() throws IOException {
    assertCorruptionIsLoud(file -> write(file, new byte[0]), "no 'vgac-store 1' header line");
  }

  @Test
  void aChecksummedButInvalidRecordFailsTheOpenNamingTheFile() throws IOException {
    assertCorruptionIsLoud(file -> write(file, encode(
        "{\"cluster_id\":\"eks-prod\",\"platform\":\"k8s\",\"current_ece\":7,\"last_known_good_ece\":0,"
            + "\"calibration_score\":1,\"sample_count\":1,\"recalibration_needed\":false,\"is_learning_mode\":false,"
            + "\"last_updated\":\"2026-01-05T10:00:00Z\"}")), "current_ece must be in [0,1]");
  }

  @Test
  void aRecordUnderAnotherClustersNameFailsTheOpen() throws IOException {
    store.putCalibration(calibration("eks-prod", 0.03, 10));
    store.close();
    Path wrong = calibrationFile("slurm-a100");
    Files.copy(calibrationFile("eks-prod"), wrong);
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(wrong.toString()).hasMessageContaining("eks-prod");
  }

  @Test
  void aFileOutsideTheLayoutFailsTheOpen() throws IOException {
    store.close();
    Path stray = dir.resolve("profile").resolve("notes.txt");
    Files.writeString(stray, "hello");
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(stray.toString());
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lock");
    store.close();
    assertThatThrownBy(() -> store.calibrations()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    store = new FileCalibrationStore(dir, clock);
    assertThat(store.calibrations()).isEmpty();
  }

  @Test
  void aClusterIdTooLongForAFileNameIsRefused() {
    String id = "é".repeat(40); // 80 UTF-8 bytes → 240 encoded
    assertThatThrownBy(() -> store.putCalibration(calibration(id, 0.01, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encodes to 240");
  }

  /** Writes one item of each kind, damages the calibration file, and expects the reopen to name that file. */
  private void assertCorruptionIsLoud(Consumer<Path> damage, String problem) throws IOException {
    store.putCalibration(calibration("eks-prod", 0.03, 10));
    store.appendPrediction(PredictionRecord.scored("eks-prod", T0, "j", 1, 2, 0.5));
    store.close();
    Path file = calibrationFile("eks-prod");
    damage.accept(file);
    assertThatThrownBy(() -> new FileCalibrationStore(dir, clock))
        .isInstanceOf(CorruptStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((CorruptStoreException) e).location()).isEqualTo(file.toString()));
    // The failed open released its lock, and a repaired store opens again.
    Files.delete(file);
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left).isEmpty();
    }
    store = new FileCalibrationStore(dir, clock);
    assertThat(store.calibration("eks-prod")).isEmpty();
  }

  private static byte[] encode(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(body);
    byte[] header = String.format("vgac-store 1 crc32c=%08x length=%d\n", crc.getValue(), body.length)
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
