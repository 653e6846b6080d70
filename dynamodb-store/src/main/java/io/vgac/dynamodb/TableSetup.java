package io.vgac.dynamodb;

/**
 * What {@link DynamoDbTables#createIfMissing} found or did.
 *
 * @param tableName the table
 * @param created whether this call created it (false: it existed with the right keys)
 * @param timeToLive the state of expiry on the {@code ttl} attribute
 */
public record TableSetup(String tableName, boolean created, TimeToLive timeToLive) {

  /** Whether DynamoDB deletes expired items of the table (the store filters them on read either way). */
  public enum TimeToLive {
    /** Enabled on {@code ttl}: expired predictions are deleted within days. */
    ENABLED,
    /** Being enabled on {@code ttl} (DynamoDB takes up to an hour). */
    ENABLING,
    /**
     * The endpoint has no time-to-live API (a local emulator such as dynalite): expired items stay, never
     * returned.
     */
    NOT_SUPPORTED
  }
}
