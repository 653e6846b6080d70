package io.vgac.agents.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.model.AgentsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDecisionLogTest {
  @TempDir Path dir;

  @Test
  void appendReadAndQueryByEnvironmentAndTime() {
    Path f = dir.resolve("out/decisions.jsonl");
    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      for (int i = 0; i < 10; i++) {
        log.append(Records.record(i % 2 == 0 ? "a" : "b", i));
      }
      assertThat(log.records()).hasSize(10);
      assertThat(log.query("a", Records.T0.plusSeconds(2), Records.T0.plusSeconds(8)))
          .extracting(DecisionRecord::jobId).containsExactly("job-2", "job-4", "job-6");
      assertThat(log.query("c", Records.T0, Records.T0.plusSeconds(100))).isEmpty();
    }
    // reopening appends after what is there
    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      log.append(Records.record("a", 10));
    }
    DecisionLogContents c = DecisionLog.read(f);
    assertThat(c.skippedLines()).isZero();
    assertThat(c.records()).hasSize(11);
    assertThat(c.records().get(3)).isEqualTo(Records.record("b", 3));
  }

  @Test
  void aTornLastLineIsSkippedAndRepairedOnReopen() throws Exception {
    Path f = dir.resolve("decisions.jsonl");
    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      log.append(Records.record("a", 1));
      log.append(Records.record("a", 2));
    }
    // a crash in the middle of the third line, inside the 3-byte "—" of the reason
    byte[] third = (DecisionRecordJson.write(Records.record("a", 3)) + "\n").getBytes(StandardCharsets.UTF_8);
    int cut = new String(third, StandardCharsets.UTF_8).indexOf('—');
    cut = DecisionRecordJson.write(Records.record("a", 3)).substring(0, cut).getBytes(StandardCharsets.UTF_8).length + 1;
    Files.write(f, Arrays.copyOf(third, cut), StandardOpenOption.APPEND);

    DecisionLogContents torn = DecisionLog.read(f);
    assertThat(torn.records()).extracting(DecisionRecord::jobId).containsExactly("job-1", "job-2");
    assertThat(torn.skippedLines()).isEqualTo(1);

    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      log.append(Records.record("a", 4));
    }
    DecisionLogContents after = DecisionLog.read(f);
    assertThat(after.records()).extracting(DecisionRecord::jobId).containsExactly("job-1", "job-2", "job-4");
    assertThat(after.skippedLines()).isEqualTo(1);
  }

  @Test
  void concurrentAppendsNeverInterleave() throws Exception {
    int threads = 16;
    int perThread = 2_000;
    Path f = dir.resolve("concurrent.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FileDecisionLog log = FileDecisionLog.open(f)) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String env = "env-" + t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            log.append(Records.record(env, i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> d : done) {
        d.get();
      }
    } finally {
      pool.shutdown();
    }
    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(threads * perThread);
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      DecisionRecord r = DecisionRecordJson.read(line); // every line parses on its own
      assertThat(seen.add(r.env() + "/" + r.jobId())).as("duplicate %s", line).isTrue();
      AgentsJson.mapper().readTree(line);
    }
    DecisionLogContents c = DecisionLog.read(f);
    assertThat(c.skippedLines()).isZero();
    assertThat(c.records()).hasSize(threads * perThread);
    for (int t = 0; t < threads; t++) {
      // per writer, its records keep their order
      List<DecisionRecord> mine = DecisionLog.filter(c.records(), "env-" + t, Records.T0, Records.T0.plusSeconds(perThread));
      assertThat(mine).hasSize(perThread);
      for (int i = 0; i < perThread; i++) {
        assertThat(mine.get(i).jobId()).isEqualTo("job-" + i);
      }
    }
  }

  @Test
  void closedLogRefusesAppends() {
    FileDecisionLog log = FileDecisionLog.open(dir.resolve("x.jsonl"), true);
    log.append(Records.record("a", 1));
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(Records.record("a", 2)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
    assertThat(DecisionLog.read(dir.resolve("x.jsonl")).records()).hasSize(1);
  }

  @Test
  void inMemoryLogRecordsGateDecisionsAndQueries() {
    InMemoryDecisionLog log = new InMemoryDecisionLog();
    for (int i = 0; i < 6; i++) {
      log.append(Records.record(i < 3 ? "a" : "b", i));
    }
    assertThat(log.size()).isEqualTo(6);
    assertThat(log.query("b", Records.T0, Records.T0.plusSeconds(5))).extracting(DecisionRecord::jobId)
        .containsExactly("job-3", "job-4");
  }
}
