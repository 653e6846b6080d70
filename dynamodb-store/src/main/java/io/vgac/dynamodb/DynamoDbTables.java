package io.vgac.dynamodb;

import io.vgac.agents.model.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the design's table: on-demand billing (PAY_PER_REQUEST), string keys {@code PK} (hash) and {@code SK}
 * (range), time to live on {@code ttl}. The same definition as CloudFormation and AWS CLI is in the module README.
 */
public final class DynamoDbTables {
  /** How long {@link #createIfMissing(DynamoDbClient, String)} waits for a new table to become ACTIVE. */
  public static final Duration DEFAULT_ACTIVE_TIMEOUT = Duration.ofMinutes(5);

  private DynamoDbTables() {}

  /** {@link #createIfMissing(DynamoDbClient, String, Duration)} with {@link #DEFAULT_ACTIVE_TIMEOUT}. */
  public static TableSetup createIfMissing(DynamoDbClient client, String tableName) {
    return createIfMissing(client, tableName, DEFAULT_ACTIVE_TIMEOUT);
  }

  /**
   * Creates {@code tableName} unless it exists, waits until it is ACTIVE, and enables time to live on {@code ttl}
   * unless it is on. Idempotent, and safe when several replicas call it at once.
   *
   * @throws IllegalStateException when the table exists with other keys, has time to live on another attribute, or
   *     is not ACTIVE within {@code activeTimeout}
   */
  public static TableSetup createIfMissing(DynamoDbClient client, String tableName, Duration activeTimeout) {
    Checks.required("client", client);
    // Validates the name with the same rule as the store's configuration.
    DynamoDbConfig.builder().tableName(tableName).build();
    Checks.required("activeTimeout", activeTimeout);
    boolean created = false;
    TableDescription table = describe(client, tableName);
    if (table == null) {
      try {
        client.createTable(b -> b.tableName(tableName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName(Keys.PK).attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName(Keys.SK).attributeType(ScalarAttributeType.S).build())
            .keySchema(
                KeySchemaElement.builder().attributeName(Keys.PK).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(Keys.SK).keyType(KeyType.RANGE).build()));
        created = true;
      } catch (ResourceInUseException e) {
        // another replica created it in between: fine
      }
    }
    table = awaitActive(client, tableName, activeTimeout);
    checkKeys(table);
    return new TableSetup(tableName, created, enableTimeToLive(client, tableName));
  }

  private static TableDescription describe(DynamoDbClient client, String tableName) {
    try {
      return client.describeTable(b -> b.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private static TableDescription awaitActive(DynamoDbClient client, String tableName, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseMillis = 20;
    while (true) {
      TableDescription t = describe(client, tableName);
      if (t != null && t.tableStatus() == TableStatus.ACTIVE) {
        return t;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Table " + tableName + " is not ACTIVE after " + timeout + " (status "
            + (t == null ? "missing" : t.tableStatusAsString()) + ")");
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for table " + tableName + " to become ACTIVE", e);
      }
      pauseMillis = Math.min(1000, pauseMillis * 2);
    }
  }

  private static void checkKeys(TableDescription t) {
    Map<String, String> types = t.attributeDefinitions().stream().collect(
        Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeTypeAsString));
    List<String> keys = t.keySchema().stream()
        .map(k -> k.attributeName() + " " + types.get(k.attributeName()) + " " + k.keyTypeAsString())
        .toList();
    List<String> expected = List.of(Keys.PK + " S HASH", Keys.SK + " S RANGE");
    if (!keys.equals(expected)) {
      throw new IllegalStateException("Table " + t.tableName() + " has keys " + keys + " but the store needs "
          + expected);
    }
  }

  private static TableSetup.TimeToLive enableTimeToLive(DynamoDbClient client, String tableName) {
    TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
    TimeToLiveStatus status = ttl == null ? TimeToLiveStatus.DISABLED : ttl.timeToLiveStatus();
    String attribute = ttl == null ? null : ttl.attributeName();
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      if (!Keys.TTL.equals(attribute)) {
        throw new IllegalStateException("Table " + tableName + " has time to live on '" + attribute
            + "' but the store writes expiry to '" + Keys.TTL + "'");
      }
      return status == TimeToLiveStatus.ENABLED ? TableSetup.TimeToLive.ENABLED : TableSetup.TimeToLive.ENABLING;
    }
    try {
      client.updateTimeToLive(b -> b.tableName(tableName)
          .timeToLiveSpecification(s -> s.attributeName(Keys.TTL).enabled(true)));
      return TableSetup.TimeToLive.ENABLING;
    } catch (DynamoDbException e) {
      String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
      if (code.toLowerCase(Locale.ROOT).contains("unknownoperation")) {
        return TableSetup.TimeToLive.NOT_SUPPORTED;
      }
      if (e.getMessage() != null && e.getMessage().contains("already enabled")) {
        return TableSetup.TimeToLive.ENABLING; // a concurrent createIfMissing enabled it
      }
      throw e;
    }
  }
}
