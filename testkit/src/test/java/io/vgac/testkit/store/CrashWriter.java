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
 * is killed (or, so an orphan never runs on, until a deadline passes). Step N overwrites the calibration item, appends
 * one prediction to {@link #CLUSTER} and {@link #BURST} predictions to {@link #BURST_CLUSTER}, so most of the time is
 * spent in journal appends and most kills land in one.
 *
 * <p>Arguments: store directory, base instant (ISO), deadline in milliseconds, sync ({@code true}/{@code false}).
 */
public final class CrashWriter {
  static final String CLUSTER = "crash-cluster";
  static final String BURST_CLUSTER = "crash-burst";
  static final int BURST = 8;

  private CrashWriter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Instant base = Instant.parse(args[1]);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000L;
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    boolean sync = Boolean.parseBoolean(args[3]);
    FileCalibrationStore store = new FileCalibrationStore(dir, Clock.systemUTC(), sync);
    out.println("open");
    out.flush();
    for (long seq = 1; System.nanoTime() < deadline; seq++) {
      // The calibration item is overwritten (sample_count = seq); the predictions accumulate, one per step.
      store.putCalibration(record(seq, base));
      store.appendPrediction(prediction(seq, base));
      for (int j = 0; j < BURST; j++) {
        store.appendPrediction(burst((seq - 1) * BURST + j + 1, base));
      }
      out.println("ack " + seq);
      out.flush();
    }
    store.close();
  }

  static CalibrationRecord record(long seq, Instant base) {
    return new CalibrationRecord(CLUSTER, "slurm", 0.03, 0.02, 0.9, seq, false, false, base.plusMillis(seq));
  }

  /** The {@code k}-th (from 1) prediction of the burst cluster. */
  static PredictionRecord burst(long k, Instant base) {
    return PredictionRecord.scored(BURST_CLUSTER, base.plusMillis(k), "burst-" + k, k % 97, k % 89, 0.25);
  }

  static PredictionRecord prediction(long seq, Instant base) {
    return PredictionRecord.scored(CLUSTER, base.plusMillis(seq), "job-" + seq, seq, seq + 1, 0.5);
  }
}
