package io.vgac.agents.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A {@link DecisionLog} in a JSON-lines file.
 *
 * <ul>
 *   <li>Each record is serialised outside the lock, then written as one buffer under the lock, so lines of
 *       concurrent appends never interleave.
 *   <li>Every append is flushed: the channel has no user-space buffer, so the line is in the operating system when
 *       {@link #append} returns (it survives a crash of this process). With {@code sync} it is also forced to the
 *       device (survives a power loss, at the cost of one fsync per record).
 *   <li>On open, a file whose last line was torn by a crash gets a line break first, so the torn fragment stays one
 *       unreadable line (skipped by {@link DecisionLog#read}) instead of swallowing the next record.
 *   <li>One writing process per file.
 * </ul>
 */
public final class FileDecisionLog implements DecisionLog, Closeable {
  private static final byte NEWLINE = '\n';

  private final Path file;
  private final boolean sync;
  private final FileChannel channel;
  private boolean closed;

  private FileDecisionLog(Path file, boolean sync) throws IOException {
    this.file = file;
    this.sync = sync;
    boolean tornTail = endsWithoutNewline(file);
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (tornTail) {
      writeFully(ByteBuffer.wrap(new byte[] {NEWLINE}));
    }
  }

  /** Opens (creating when absent) {@code file} for appending, flushing each record to the operating system. */
  public static FileDecisionLog open(Path file) {
    return open(file, false);
  }

  /** Opens {@code file}; with {@code sync}, every record is also forced to the storage device. */
  public static FileDecisionLog open(Path file, boolean sync) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new FileDecisionLog(file, sync);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open decision log " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Appends one line.
   *
   * @throws UncheckedIOException when the write fails
   * @throws IllegalStateException after {@link #close}
   */
  @Override
  public void append(DecisionRecord record) {
    byte[] json = DecisionRecordJson.write(record).getBytes(StandardCharsets.UTF_8);
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put(NEWLINE).flip();
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("Decision log " + file + " is closed");
      }
      try {
        writeFully(line);
        if (sync) {
          channel.force(false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot append to decision log " + file, e);
      }
    }
  }

  /** Every well-formed record in the file (see {@link DecisionLog#read}). */
  @Override
  public List<DecisionRecord> records() {
    return DecisionLog.read(file).records();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close decision log " + file, e);
    }
  }

  private void writeFully(ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  private static boolean endsWithoutNewline(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = in.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      in.read(last, size - 1);
      return last.get(0) != NEWLINE;
    }
  }
}
