package io.vgac.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes output files so that a reader sees the old file or the complete new one, never a partial one. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to a temporary file beside {@code target}, then renames it over {@code target}.
   *
   * @param displayName how error messages name the file
   * @throws BadInputException when the file cannot be written (missing directory, no permission, disk full)
   */
  public static void write(Path target, byte[] bytes, String displayName) throws BadInputException {
    checkWritable(target, displayName);
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    // Created with the default permissions (unlike Files.createTempFile's owner-only ones).
    Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()) + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new BadInputException(displayName + ": cannot write: " + describe(e), e);
    }
  }

  /** Checks before any work that {@code target} could be written: its directory exists. */
  public static void checkWritable(Path target, String displayName) throws BadInputException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new BadInputException(displayName + ": cannot write: no such directory " + dir);
    }
    if (Files.isDirectory(absolute)) {
      throw new BadInputException(displayName + ": cannot write: is a directory");
    }
  }

  private static String describe(IOException e) {
    String simple = e.getClass().getSimpleName();
    return switch (simple) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such directory";
      default -> e.getMessage() == null ? simple : e.getMessage();
    };
  }
}
