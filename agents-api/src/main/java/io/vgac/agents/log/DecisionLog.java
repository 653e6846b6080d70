package io.vgac.agents.log;

import io.vgac.agents.gate.DecisionRecorder;
import io.vgac.agents.gate.GateDecision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only log of gate decisions: one {@link DecisionRecord} per decision. Implementations:
 * {@link FileDecisionLog} (JSON lines on disk) and {@link InMemoryDecisionLog}.
 */
public interface DecisionLog extends DecisionRecorder {

  /** Appends one record; thread-safe. */
  void append(DecisionRecord record);

  /** Appends the record of {@code decision}. */
  @Override
  default void record(GateDecision decision) {
    append(DecisionRecord.of(decision));
  }

  /** Every record so far, in append order. */
  List<DecisionRecord> records();

  /** The records of {@code env} with {@code from ≤ time < to}, in append order. */
  default List<DecisionRecord> query(String env, Instant from, Instant to) {
    return filter(records(), env, from, to);
  }

  /** The records of {@code env} with {@code from ≤ time < to}, in the given order. */
  static List<DecisionRecord> filter(List<DecisionRecord> records, String env, Instant from, Instant to) {
    List<DecisionRecord> out = new ArrayList<>();
    for (DecisionRecord r : records) {
      if (r.env().equals(env) && !r.time().isBefore(from) && r.time().isBefore(to)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Reads a decision-log file. Blank lines are ignored; a line that is not a valid record (normally a line torn by
   * a crash mid-write, possibly in the middle of a multi-byte character) is skipped and counted, never thrown.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static DecisionLogContents read(Path file) {
    List<DecisionRecord> records = new ArrayList<>();
    int skipped = 0;
    // a Charset (not a CharsetDecoder) replaces malformed bytes instead of throwing: a torn line stays one bad line
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          records.add(DecisionRecordJson.read(line));
        } catch (IllegalArgumentException e) {
          skipped++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read decision log " + file, e);
    }
    if (skipped > 0) {
      Logger log = LoggerFactory.getLogger(DecisionLog.class);
      log.warn("Decision log {}: skipped {} unreadable line(s) (torn by a crash?)", file, skipped);
    }
    return new DecisionLogContents(records, skipped);
  }
}
