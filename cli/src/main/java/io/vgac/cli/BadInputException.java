package io.vgac.cli;

/**
 * An input file cannot be used: missing, unreadable, or holding a value that is not allowed. Exit status 2; the
 * message is one line naming the file and, for a bad value, the data row, the line and the field, e.g.
 * {@code data.csv: row 17 (line 18), field 'p': not a probability: 1.5}.
 */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
