package io.vgac.testkit.store;

import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.FileCalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The child process of {@link FileCalibrationStoreCrashTest}: writes sequence-numbered items to a
 * {@link FileCalibrationStore} in a loop and prints {@code ack N} once the writes of step N have returned, until it
 * is killed (or, so an orphan never runs on, until a deadline passes).
 *
 * <p>Arguments: store directory, base instant (ISO), deadline in milliseconds.
 */
public final class CrashWriter {
  static final String CLUSTER = "crash-cluster";

  private CrashWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Instant base = Instant.parse(args[1]);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000L;
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    FileCalibrationStore store = new FileCalibrationStore(dir, Clock.systemUTC());
    out.println("open");
    out.flush();
    for (long seq = 1; System.nanoTime() < deadline; seq++) {
      // The calibration item is overwritten (sample_count = seq); the predictions accumulate, one per step.
      store.putCalibration(record(seq, base));
      store.appendPrediction(prediction(seq, base));
      out.println("ack " + seq);
      out.flush();
    }
    store.close();
  }

  static CalibrationRecord record(long seq, Instant base) {
    return new CalibrationRecord(CLUSTER, "slurm", 0.03, 0.02, 0.9, seq, false, false, base.plusMillis(seq));
  }

  static PredictionRecord prediction(long seq, Instant base) {
    return PredictionRecord.scored(CLUSTER, base.plusMillis(seq), "job-" + seq, seq, seq + 1, 0.5);
  }
}
