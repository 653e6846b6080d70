package io.vgac.cli;

/**
 * The command line itself is wrong: an unknown option, a missing or malformed value. Exit status 2; the message is
 * one line that {@link Main} prefixes with the command's name.
 */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
