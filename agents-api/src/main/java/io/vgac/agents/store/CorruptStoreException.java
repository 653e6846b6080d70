package io.vgac.agents.store;

/**
 * A store found data it cannot trust (a checksum mismatch, a truncated or unparsable entry, a record that fails
 * validation). Raised instead of returning possibly wrong data; the message names where the data lives (a file, an
 * item key) and what is wrong with it.
 */
public final class CorruptStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;

  public CorruptStoreException(String location, String problem, Throwable cause) {
    super("Corrupt calibration store entry " + location + ": " + problem, cause);
    this.location = location;
  }

  public CorruptStoreException(String location, String problem) {
    super("Corrupt calibration store entry " + location + ": " + problem);
    this.location = location;
  }

  /** Where the untrusted data lives: a file path, an item key. */
  public String location() {
    return location;
  }
}
