package io.vgac.dynamodb;

import io.vgac.agents.approvals.ApprovalJson;
import io.vgac.agents.approvals.ApprovalQueue;
import io.vgac.agents.approvals.ApprovalRequest;
import io.vgac.agents.approvals.ApprovalResult;
import io.vgac.agents.approvals.ApprovalStatus;
import io.vgac.agents.approvals.PendingApproval;
import io.vgac.agents.model.Checks;
import io.vgac.agents.store.CorruptStoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The {@link ApprovalQueue} on the same DynamoDB table as {@link DynamoDbCalibrationStore}, so an escalation raised by
 * one scheduler replica can be approved through another.
 *
 * <h2>Layout</h2>
 * <pre>
 * PK          SK                 attributes
 * APPROVALS   APPROVAL#{id}      doc (the approval's JSON), status (wire name), seq, ttl
 * APPROVALS   SEQUENCE           seq (the submission counter)
 * </pre>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Exactly one decision wins.</b> A decision is a conditional write ({@code status = pending}): of any
 *       number of concurrent decisions, from any replicas, DynamoDB applies one; the others re-read and get
 *       ALREADY_DECIDED (or EXPIRED) with the winner's state. Expiry ({@link #expireDue}, a late decision) uses the
 *       same condition, so an approval is never both decided and expired.
 *   <li><b>Order.</b> {@link #pending()} is oldest {@code requestedAt} first, ties in submission order: every submit
 *       takes the next number of an atomic counter item (one extra write), so the order holds across replicas.
 *   <li><b>Reads</b> are strongly consistent; {@link #pending()} and {@link #expireDue()} query the
 *       {@code APPROVALS} partition with a filter on {@code status} (DynamoDB still reads, and bills, every
 *       approval kept: fine for human-scale queues).
 *   <li><b>Retention.</b> Each item's {@code ttl} is its {@code expiresAt} + {@link DynamoDbConfig#approvalRetention()}
 *       (30 days by default): after that DynamoDB may delete it and {@link #get} returns empty.
 *   <li>Ids are random UUIDs; a submit that would reuse one (never seen in practice) is refused by a condition.
 * </ul>
 * Storage failures surface as the SDK's unchecked exceptions, data that does not parse as
 * {@link CorruptStoreException}. The queue does not own the client.
 */
public final class DynamoDbApprovalQueue implements ApprovalQueue {
  private static final String PENDING = ApprovalStatus.PENDING.wireName();

  private final DynamoDbClient client;
  private final DynamoDbConfig config;
  private final Clock clock;
  private final DynamoDbTable<StoreItem> table;

  /** A queue on the system clock (UTC). */
  public DynamoDbApprovalQueue(DynamoDbClient client, DynamoDbConfig config) {
    this(client, config, Clock.systemUTC());
  }

  /** A queue on {@code config.tableName()} (which must exist), whose times come from {@code clock}. */
  public DynamoDbApprovalQueue(DynamoDbClient client, DynamoDbConfig config, Clock clock) {
    this.client = Checks.required("client", client);
    this.config = Checks.required("config", config);
    this.clock = Checks.required("clock", clock);
    this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions().build()
        .table(config.tableName(), StoreItem.SCHEMA);
  }

  @Override
  public String submit(ApprovalRequest request) {
    Checks.required("request", request);
    long seq = nextSequence();
    for (int attempt = 1; ; attempt++) {
      String id = UUID.randomUUID().toString();
      PendingApproval approval = PendingApproval.of(id, request, clock.instant());
      StoreItem item = toItem(approval, seq);
      try {
        table.putItem(PutItemEnhancedRequest.builder(StoreItem.class).item(item)
            .conditionExpression(Expression.builder().expression("attribute_not_exists(#pk)")
                .putExpressionName("#pk", Keys.PK).build())
            .build());
        return id;
      } catch (ConditionalCheckFailedException e) {
        if (attempt >= 3) {
          throw new IllegalStateException("Three random approval ids in a row were taken in " + config.tableName(), e);
        }
      }
    }
  }

  @Override
  public Optional<PendingApproval> get(String id) {
    Checks.required("id", id);
    if (id.isBlank()) {
      return Optional.empty();
    }
    return read(id).map(this::fromItem);
  }

  @Override
  public List<PendingApproval> pending() {
    Instant now = clock.instant();
    List<Entry> open = new ArrayList<>();
    for (Entry e : pendingItems()) {
      if (e.approval().isOpenAt(now)) {
        open.add(e);
      }
    }
    open.sort(Entry.ORDER);
    return open.stream().map(Entry::approval).toList();
  }

  @Override
  public ApprovalResult approve(String id, String by, @Nullable String reason) {
    return decide(id, by, reason, true);
  }

  @Override
  public ApprovalResult deny(String id, String by, @Nullable String reason) {
    return decide(id, by, reason, false);
  }

  @Override
  public List<PendingApproval> expireDue() {
    Instant now = clock.instant();
    List<Entry> due = new ArrayList<>();
    for (Entry e : pendingItems()) {
      if (e.approval().status() == ApprovalStatus.PENDING && e.approval().isDueAt(now)) {
        due.add(e);
      }
    }
    due.sort(Entry.ORDER);
    List<PendingApproval> expired = new ArrayList<>();
    for (Entry e : due) {
      PendingApproval next = e.approval().expire(now);
      if (writeIfPending(next, e.seq())) {
        expired.add(next);
      } // else another replica decided or expired it first: not ours to report
    }
    return expired;
  }

  private ApprovalResult decide(String id, String by, @Nullable String reason, boolean approve) {
    if (by.isBlank()) {
      throw new IllegalArgumentException("by must not be blank but was '" + by + "'");
    }
    // Two rounds at most: a lost condition means the approval left PENDING, which the re-read reports.
    for (int round = 0; round < 2; round++) {
      Optional<StoreItem> item = id.isBlank() ? Optional.empty() : read(id);
      if (item.isEmpty()) {
        return new ApprovalResult(ApprovalResult.Outcome.NOT_FOUND, null);
      }
      PendingApproval current = fromItem(item.get());
      switch (current.status()) {
        case APPROVED:
        case DENIED:
          return new ApprovalResult(ApprovalResult.Outcome.ALREADY_DECIDED, current);
        case EXPIRED:
          return new ApprovalResult(ApprovalResult.Outcome.EXPIRED, current);
        default:
          break;
      }
      Instant now = clock.instant();
      long seq = item.get().seq == null ? 0 : item.get().seq;
      if (current.isDueAt(now)) {
        PendingApproval expired = current.expire(now);
        if (writeIfPending(expired, seq)) {
          return new ApprovalResult(ApprovalResult.Outcome.EXPIRED, expired);
        }
        continue;
      }
      PendingApproval next = approve ? current.approve(by, now, reason) : current.deny(by, now, reason);
      if (writeIfPending(next, seq)) {
        return new ApprovalResult(ApprovalResult.Outcome.APPLIED, next);
      }
    }
    throw new IllegalStateException("Approval " + id + " in " + config.tableName()
        + " is still PENDING after a conditional decision failed twice");
  }

  /** Writes {@code next} if the stored approval is still PENDING; false when another decision came first. */
  private boolean writeIfPending(PendingApproval next, long seq) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(StoreItem.class).item(toItem(next, seq))
          .conditionExpression(Expression.builder().expression("#s = :pending")
              .putExpressionName("#s", Keys.STATUS)
              .putExpressionValue(":pending", DynamoDbCalibrationStore.s(PENDING)).build())
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private long nextSequence() {
    var response = client.updateItem(b -> b.tableName(config.tableName())
        .key(DynamoDbCalibrationStore.rawKey(Keys.APPROVALS, Keys.SEQUENCE))
        .updateExpression("ADD #seq :one")
        .expressionAttributeNames(Map.of("#seq", Keys.SEQ))
        .expressionAttributeValues(Map.of(":one", DynamoDbCalibrationStore.n(1)))
        .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(response.attributes().get(Keys.SEQ).n());
  }

  private Optional<StoreItem> read(String id) {
    return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
        .key(DynamoDbCalibrationStore.k(Keys.APPROVALS, Keys.approval(id))).consistentRead(true).build()));
  }

  /** The PENDING approvals (due or not), filtered by DynamoDB so decided ones are not sent. */
  private List<Entry> pendingItems() {
    QueryEnhancedRequest q = QueryEnhancedRequest.builder().consistentRead(true)
        .queryConditional(QueryConditional.sortBeginsWith(
            DynamoDbCalibrationStore.k(Keys.APPROVALS, Keys.APPROVAL_PREFIX)))
        .filterExpression(Expression.builder().expression("#s = :pending").putExpressionName("#s", Keys.STATUS)
            .putExpressionValue(":pending", DynamoDbCalibrationStore.s(PENDING)).build())
        .build();
    List<Entry> out = new ArrayList<>();
    for (StoreItem item : table.query(q).items()) {
      out.add(new Entry(fromItem(item), item.seq == null ? 0 : item.seq));
    }
    return out;
  }

  private record Entry(PendingApproval approval, long seq) {
    static final Comparator<Entry> ORDER =
        Comparator.comparing((Entry e) -> e.approval().requestedAt()).thenComparingLong(Entry::seq);
  }

  private StoreItem toItem(PendingApproval a, long seq) {
    StoreItem item = StoreItem.key(Keys.APPROVALS, Keys.approval(a.id()));
    item.doc = ApprovalJson.write(a);
    item.status = a.status().wireName();
    item.seq = seq;
    item.ttl = DynamoDbCalibrationStore.ttlSeconds(a.expiresAt().plus(config.approvalRetention()));
    return item;
  }

  private PendingApproval fromItem(StoreItem item) {
    String where = config.tableName() + ":" + Keys.describe(String.valueOf(item.pk), String.valueOf(item.sk));
    if (item.doc == null) {
      throw new CorruptStoreException(where, "no '" + Keys.DOC + "' attribute");
    }
    PendingApproval a;
    try {
      a = ApprovalJson.read(item.doc);
    } catch (RuntimeException e) {
      throw new CorruptStoreException(where, String.valueOf(e.getMessage()), e);
    }
    if (!Keys.approval(a.id()).equals(item.sk) || !a.status().wireName().equals(item.status)) {
      throw new CorruptStoreException(where, "holds approval " + a.id() + " in state " + a.status()
          + ", which does not match the item's key or status '" + item.status + "'");
    }
    return a;
  }

  @Override
  public String toString() {
    return "DynamoDbApprovalQueue[" + config.tableName() + "]";
  }
}
