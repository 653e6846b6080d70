package io.vgac.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.testkit.ApprovalQueueContract;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The ApprovalQueue contract on dynalite, plus decisions raced from two replicas and the item layout. */
class DynamoDbApprovalQueueTest extends ApprovalQueueContract {
  @RegisterExtension
  static final DynaliteServer DYNALITE = new DynaliteServer();

  private String table = "";

  @Override
  protected ApprovalQueue create(Clock clock) {
    table = DYNALITE.freshTable();
    return new DynamoDbApprovalQueue(DYNALITE.client(), config(), clock);
  }

  private DynamoDbConfig config() {
    return DynamoDbConfig.builder().tableName(table).build();
  }

  @Test
  void decisionsRacedFromTwoReplicasHaveExactlyOneWinnerAndEveryoneSeesIt() throws Exception {
    try (DynamoDbClient otherClient = DYNALITE.newClient()) {
      DynamoDbApprovalQueue other = new DynamoDbApprovalQueue(otherClient, config(), clock);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        for (int round = 0; round < 10; round++) {
          String id = (round % 2 == 0 ? queue : other).submit(request("j" + round));
          CountDownLatch start = new CountDownLatch(1);
          List<Future<ApprovalResult>> results = new ArrayList<>();
          for (int t = 0; t < 4; t++) {
            ApprovalQueue replica = t % 2 == 0 ? queue : other;
            String who = "user" + t;
            boolean approve = t % 2 == 0;
            boolean expire = t == 3;
            results.add(pool.submit(() -> {
              start.await();
              if (expire) { // an expiry sweep racing the humans finds nothing due
                replica.expireDue();
              }
              return approve ? replica.approve(id, who) : replica.deny(id, who, "no");
            }));
          }
          start.countDown();
          List<ApprovalResult> done = new ArrayList<>();
          for (Future<ApprovalResult> f : results) {
            done.add(f.get(30, TimeUnit.SECONDS));
          }
          assertThat(done).filteredOn(ApprovalResult::applied).hasSize(1);
          PendingApproval won = done.stream().filter(ApprovalResult::applied).findFirst().orElseThrow().approval();
          assertThat(other.get(id)).contains(won);
          assertThat(queue.get(id)).contains(won);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(other.pending()).isEmpty();
    }
  }

  @Test
  void approvalsAreItemsOfTheSharedTableWithRetention() {
    String id = queue.submit(request("j1", Duration.ofMinutes(10)));
    Map<String, AttributeValue> item = DYNALITE.client().getItem(b -> b.tableName(table).consistentRead(true)
        .key(DynamoDbCalibrationStore.rawKey("APPROVALS", "APPROVAL#" + id))).item();
    assertThat(item.get("status").s()).isEqualTo("pending");
    assertThat(item.get("seq").n()).isEqualTo("1");
    assertThat(item.get("doc").s()).contains("\"job_id\":\"j1\"", "\"requested_for\":\"#gpu-alerts\"");
    assertThat(item.get("ttl").n()).isEqualTo(Long.toString(
        T0.plus(Duration.ofMinutes(10)).plus(DynamoDbConfig.DEFAULT_APPROVAL_RETENTION).getEpochSecond()));
    queue.deny(id, "bob", "no");
    DynamoDbApprovalQueue reopened = new DynamoDbApprovalQueue(DYNALITE.client(), config(), clock);
    assertThat(reopened.get(id).orElseThrow().status()).isEqualTo(ApprovalStatus.DENIED);
    assertThat(reopened.get(id)).isEqualTo(queue.get(id));
  }
}
