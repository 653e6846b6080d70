package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.FileApprovalQueue;
import io.vgac.agents.approvals.PendingApproval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract, plus what persistence adds: restart, torn tails, refusal of corruption, one writer. */
class FileApprovalQueueTest extends ApprovalQueueContract {
  @TempDir Path dir;

  Path journal() {
    return dir.resolve("approvals").resolve("journal.jsonl");
  }

  @Override
  protected ApprovalQueue create(Clock clock) {
    return FileApprovalQueue.open(journal(), clock);
  }

  FileApprovalQueue file() {
    return (FileApprovalQueue) queue;
  }

  FileApprovalQueue reopen() {
    file().close();
    queue = FileApprovalQueue.open(journal(), clock);
    return file();
  }

  @Test
  void everyStateSurvivesARestart() {
    String approved = queue.submit(request("a"));
    String denied = queue.submit(request("b"));
    String expired = queue.submit(request("c", Duration.ofMinutes(5)));
    clock.advance(Duration.ofMinutes(1));
    String open = queue.submit(request("d"));
    queue.approve(approved, "alice", "ok");
    queue.deny(denied, "bob", null);
    clock.advance(Duration.ofMinutes(5));
    queue.expireDue();
    List<PendingApproval> before = List.of(queue.get(approved).orElseThrow(), queue.get(denied).orElseThrow(),
        queue.get(expired).orElseThrow(), queue.get(open).orElseThrow());

    reopen();

    assertThat(List.of(queue.get(approved).orElseThrow(), queue.get(denied).orElseThrow(),
        queue.get(expired).orElseThrow(), queue.get(open).orElseThrow())).isEqualTo(before);
    assertThat(queue.pending()).extracting(PendingApproval::id).containsExactly(open);
    assertThat(queue.approve(approved, "eve").outcome()).isEqualTo(ApprovalResult.Outcome.ALREADY_DECIDED);
    assertThat(queue.approve(open, "carol").applied()).isTrue();
    String later = queue.submit(request("e"));
    assertThat(later).isNotIn(approved, denied, expired, open);

    reopen();
    assertThat(queue.get(open).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(queue.get(later).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
  }

  @Test
  void noPredictionAndUnicodeParametersSurviveARestart() {
    String id = queue.submit(new io.vgac.agents.approvals.ApprovalRequest("k8s-b", "job-7",
        io.vgac.agents.gate.ProposedAction.ANNOTATE,
        java.util.Map.of("key", "vgac.io/risk", "value", "hoch ✓ \"quoted\"\nline"), Double.NaN,
        "No prediction available for job job-7", "no calibration evidence", "actor", "alice", Duration.ofMinutes(30)));
    PendingApproval before = queue.get(id).orElseThrow();
    reopen();
    PendingApproval after = queue.get(id).orElseThrow();
    assertThat(after.p()).isNaN();
    assertThat(after.parameters()).isEqualTo(before.parameters());
    assertThat(after.expiresAt()).isEqualTo(before.expiresAt());
  }

  @Test
  void theJournalIsOneJsonLinePerTransition() throws IOException {
    String id = queue.submit(request("a"));
    queue.deny(id, "bob", "no");
    List<String> lines = Files.readAllLines(journal());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"id\":\"" + id + "\"", "\"status\":\"pending\"", "\"job_id\":\"a\"",
        "\"action\":\"hold\"", "\"requested_at\":\"2026-01-05T10:00:00Z\"");
    assertThat(lines.get(1)).contains("\"status\":\"denied\"", "\"decided_by\":\"bob\"", "\"decision_reason\":\"no\"");
  }

  @Test
  void aTornLastLineIsCutOffAndTheJournalStaysUsable() throws IOException {
    String id = queue.submit(request("a"));
    file().close();
    String complete = Files.readString(journal());
    // a crash in the middle of the approval's line: a prefix of the line without its line break
    String torn = complete.substring(0, complete.length() / 2).replace("\"pending\"", "\"approved\"");
    Files.writeString(journal(), torn.substring(0, torn.length() - 3), StandardOpenOption.APPEND);

    queue = FileApprovalQueue.open(journal(), clock);
    assertThat(queue.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.PENDING);
    assertThat(Files.readString(journal())).isEqualTo(complete);
    assertThat(queue.approve(id, "alice").applied()).isTrue();

    reopen();
    assertThat(queue.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.APPROVED);
    assertThat(Files.readAllLines(journal())).hasSize(2);
  }

  @Test
  void aCorruptCompleteLineIsRefusedNotGuessed() throws IOException {
    queue.submit(request("a"));
    file().close();
    Files.writeString(journal(), "{\"id\": 42, broken\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> FileApprovalQueue.open(journal(), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Corrupt approval journal")
        .hasMessageContaining("at line 2");
    queue = FileApprovalQueue.open(dir.resolve("other.jsonl"), clock); // for the contract's close
  }

  @Test
  void aTransitionOutOfATerminalStateIsRefusedOnReplay() throws IOException {
    String id = queue.submit(request("a"));
    queue.deny(id, "bob", null);
    file().close();
    List<String> lines = Files.readAllLines(journal());
    // replaying "pending" after "denied" would resurrect a denied action
    Files.writeString(journal(), lines.get(0) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertThatThrownBy(() -> FileApprovalQueue.open(journal(), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at line 3")
        .hasMessageContaining("cannot become PENDING from DENIED");
    queue = FileApprovalQueue.open(dir.resolve("other.jsonl"), clock);
  }

  @Test
  void oneWriterAtATime() {
    assertThatThrownBy(() -> FileApprovalQueue.open(journal(), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already open");
    file().close();
    assertThatThrownBy(() -> queue.submit(request("a"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    queue = FileApprovalQueue.open(journal(), clock);
    assertThat(queue.pending()).isEmpty();
  }
}
