package io.vgac.cli.watch;

/**
 * Bad usage or bad input for {@code vgac watch}: exit status 2 with this one-line message on stderr, e.g.
 * {@code data.csv: row 17 (line 18), field 'p': not a probability: 1.5}.
 */
public final class WatchInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public WatchInputException(String message) {
    super(message);
  }
}
