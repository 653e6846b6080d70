package io.vgac.dynamodb;

/**
 * A conditional write found the item changed since it was read (its {@code version} moved on). Internal: the
 * read-modify-write loops catch it and retry from fresh state; only {@link ConcurrentUpdateException} leaves the
 * store.
 */
final class StaleWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StaleWriteException(String itemKey, Throwable cause) {
    super("Stale write to " + itemKey + ": the item changed since it was read", cause);
  }
}
