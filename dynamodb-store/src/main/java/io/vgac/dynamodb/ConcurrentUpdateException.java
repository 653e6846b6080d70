package io.vgac.dynamodb;

/**
 * A read-modify-write lost the race for its item on every one of its attempts: other writers kept changing the item
 * between this writer's read and its conditional write. Nothing was written by the failed call (no update is ever
 * silently dropped or applied to stale state); the caller may retry later or raise
 * {@link DynamoDbConfig#maxAttempts()}.
 */
public final class ConcurrentUpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String itemKey;
  private final int attempts;

  ConcurrentUpdateException(String itemKey, int attempts, Throwable lastConflict) {
    super("Item " + itemKey + " changed under every one of " + attempts
        + " optimistic update attempts; nothing was written", lastConflict);
    this.itemKey = itemKey;
    this.attempts = attempts;
  }

  /** The contended item, as {@code PK/SK}. */
  public String itemKey() {
    return itemKey;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
