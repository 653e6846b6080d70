package io.vgac.dynamodb;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How {@link DynamoDbCalibrationStore} and {@link DynamoDbApprovalQueue} use their table: its name, how often a
 * read-modify-write that lost a race is retried and how long to back off in between, the largest tracker snapshot
 * accepted, and how long decided approvals are kept. Immutable; {@link #ofDefaults()} or {@link #builder()}.
 *
 * @param tableName the table, as created by {@link DynamoDbTables#createIfMissing}
 * @param maxAttempts attempts of one optimistic read-modify-write before it gives up with
 *     {@link ConcurrentUpdateException}
 * @param initialBackoff pause after the first lost race; doubled per further loss (with jitter)
 * @param maxBackoff longest pause between two attempts
 * @param maxTrackersBytes largest tracker fleet snapshot accepted, in bytes after gzip
 * @param approvalRetention how long an approval item is kept after it expires (the item's {@code ttl})
 */
public record DynamoDbConfig(
    String tableName,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    long maxTrackersBytes,
    Duration approvalRetention) {

  /** The design's table name. */
  public static final String DEFAULT_TABLE_NAME = "vgac-agentic";
  /** Enough for a handful of replicas updating one item at once (measured: 8 writers need at most ~10). */
  public static final int DEFAULT_MAX_ATTEMPTS = 25;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(5);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(500);
  /** 16 MiB after gzip: about 55 chunk items. */
  public static final long DEFAULT_MAX_TRACKERS_BYTES = 16L << 20;
  public static final Duration DEFAULT_APPROVAL_RETENTION = Duration.ofDays(30);

  static final int MAX_MAX_ATTEMPTS = 1000;
  static final Duration MAX_BACKOFF_LIMIT = Duration.ofMinutes(1);
  static final long MAX_TRACKERS_BYTES_LIMIT = 256L << 20;
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  /** @throws IllegalArgumentException naming the first invalid field, its value and the valid range */
  public DynamoDbConfig {
    if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          "tableName must be 3 to 255 characters of [A-Za-z0-9_.-] but was '" + tableName + "'");
    }
    if (maxAttempts < 1 || maxAttempts > MAX_MAX_ATTEMPTS) {
      throw new IllegalArgumentException(
          "maxAttempts must be in [1, " + MAX_MAX_ATTEMPTS + "] but was " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.compareTo(MAX_BACKOFF_LIMIT) > 0) {
      throw new IllegalArgumentException(
          "initialBackoff must be in [PT0S, " + MAX_BACKOFF_LIMIT + "] but was " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0 || maxBackoff.compareTo(MAX_BACKOFF_LIMIT) > 0) {
      throw new IllegalArgumentException("maxBackoff must be in [initialBackoff (" + initialBackoff + "), "
          + MAX_BACKOFF_LIMIT + "] but was " + maxBackoff);
    }
    if (maxTrackersBytes < 1 || maxTrackersBytes > MAX_TRACKERS_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "maxTrackersBytes must be in [1, " + MAX_TRACKERS_BYTES_LIMIT + "] but was " + maxTrackersBytes);
    }
    if (approvalRetention == null || approvalRetention.isNegative()) {
      throw new IllegalArgumentException("approvalRetention must be ≥ PT0S but was " + approvalRetention);
    }
  }

  /** Every default: table {@value #DEFAULT_TABLE_NAME}. */
  public static DynamoDbConfig ofDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from the defaults. */
  public static final class Builder {
    private String tableName = DEFAULT_TABLE_NAME;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private long maxTrackersBytes = DEFAULT_MAX_TRACKERS_BYTES;
    private Duration approvalRetention = DEFAULT_APPROVAL_RETENTION;

    private Builder() {}

    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
      return this;
    }

    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
      return this;
    }

    public Builder maxTrackersBytes(long maxTrackersBytes) {
      this.maxTrackersBytes = maxTrackersBytes;
      return this;
    }

    public Builder approvalRetention(Duration approvalRetention) {
      this.approvalRetention = approvalRetention;
      return this;
    }

    /** @throws IllegalArgumentException naming the first invalid field, its value and the valid range */
    public DynamoDbConfig build() {
      return new DynamoDbConfig(tableName, maxAttempts, initialBackoff, maxBackoff, maxTrackersBytes,
          approvalRetention);
    }
  }
}
