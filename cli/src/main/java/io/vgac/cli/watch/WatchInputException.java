package io.vgac.cli.watch;

/**
 * Bad usage of {@code vgac watch} (an unknown option, a missing or malformed value): exit status 2 with this
 * one-line message on stderr, e.g. {@code --alpha must be in (0,1) but was 1.5}. A bad input file is a
 * {@link io.vgac.cli.BadInputException} from the shared CSV reader.
 */
public final class WatchInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public WatchInputException(String message) {
    super(message);
  }
}
