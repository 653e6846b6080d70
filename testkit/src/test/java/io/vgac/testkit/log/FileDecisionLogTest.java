package io.vgac.testkit.log;

import io.vgac.agents.log.DecisionLog;
import io.vgac.agents.log.FileDecisionLog;
import io.vgac.testkit.DecisionLogContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-lines log: reopened as a new process would, its lines read as stored. */
class FileDecisionLogTest extends DecisionLogContract {
  @TempDir Path dir;

  Path file() {
    return dir.resolve("out").resolve("decisions.jsonl");
  }

  @Override
  protected DecisionLog create() {
    return FileDecisionLog.open(file());
  }

  @Override
  protected DecisionLog reopen(DecisionLog log) {
    ((FileDecisionLog) log).close();
    return FileDecisionLog.open(file());
  }

  @Override
  protected Optional<List<String>> storedLines(DecisionLog log) throws Exception {
    return Optional.of(Files.readAllLines(file(), StandardCharsets.UTF_8));
  }
}
