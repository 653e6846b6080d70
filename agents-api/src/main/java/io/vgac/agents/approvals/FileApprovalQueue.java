package io.vgac.agents.approvals;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ApprovalQueue} persisted in a journal file: it survives a restart (reopen the same file) and a crash at
 * any point leaves every acknowledged transition readable.
 *
 * <ul>
 *   <li><b>Journal.</b> Append-only JSON lines, one per transition (submitted, approved, denied, expired), each the
 *       approval's full snapshot after it (snake_case fields; {@code p} null when NaN). Replayed in order on open;
 *       the last line of an id is its state.
 *   <li><b>Durability.</b> A transition is written and forced to the device (fsync) before it is applied in memory
 *       and returned: what a caller was told happened is on disk. A newly created journal's directory is forced
 *       too (where the platform allows it).
 *   <li><b>Torn tail.</b> A crash mid-write leaves a last line without its line break. On open it is cut off (that
 *       transition was never acknowledged) with a warning, so the next append starts on a clean line.
 *   <li><b>Corruption is refused.</b> Any other unreadable line, or a replayed transition the lifecycle forbids (a
 *       first line that is not PENDING, a change after a terminal state) makes {@link #open} throw
 *       IllegalStateException naming the line: guessing could resurrect a denied action.
 *   <li><b>One writer.</b> The journal is locked while open (another {@code open} of the same file, in this or
 *       another process, throws IllegalStateException); {@link #close} releases it. After a failed write the queue
 *       refuses further transitions (IllegalStateException) until it is reopened, which repairs the tail.
 * </ul>
 *
 * The journal is not compacted: it grows by one line per transition (a few hundred bytes).
 */
public final class FileApprovalQueue extends AbstractApprovalQueue implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(FileApprovalQueue.class);
  private static final byte NEWLINE = '\n';

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;
  private @Nullable IOException failure;

  private FileApprovalQueue(Path file, Clock clock, FileChannel channel, FileLock lock) {
    super(clock);
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Opens (creating when absent) the journal {@code file}, on the system clock (UTC). */
  public static FileApprovalQueue open(Path file) {
    return open(file, Clock.systemUTC());
  }

  /**
   * Opens (creating when absent) the journal {@code file} and replays it.
   *
   * @throws IllegalStateException when the journal is corrupt or already open
   * @throws UncheckedIOException when it cannot be read or created
   */
  public static FileApprovalQueue open(Path file, Clock clock) {
    FileChannel channel = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean created = !Files.exists(file);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lock(channel, file);
      if (created) {
        forceDirectory(parent);
      }
      FileApprovalQueue queue = new FileApprovalQueue(file, clock, channel, lock);
      queue.replay();
      return queue;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("Cannot open approval journal " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  @Override
  void persist(PendingApproval next) {
    // called under the queue's lock (AbstractApprovalQueue), so lines never interleave
    if (closed) {
      throw new IllegalStateException("Approval journal " + file + " is closed");
    }
    if (failure != null) {
      throw new IllegalStateException(
          "Approval journal " + file + " failed to write earlier (" + failure + "); reopen it", failure);
    }
    byte[] json = ApprovalJson.write(next).getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put(NEWLINE).flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
    } catch (IOException e) {
      failure = e; // a partial line may be on disk: only a reopen (which cuts it off) may append again
      throw new UncheckedIOException("Cannot append to approval journal " + file, e);
    }
  }

  /** Releases the journal; later transitions throw IllegalStateException (reads still answer from memory). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close approval journal " + file, e);
    }
  }

  private void replay() throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("Approval journal " + file + " is too large to replay: " + size + " bytes");
    }
    ByteBuffer all = ByteBuffer.allocate((int) size);
    while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
      // read fully
    }
    byte[] bytes = all.array();
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != NEWLINE) {
      end--;
    }
    if (end < bytes.length) {
      LOG.warn("Approval journal {}: cutting off a torn last line of {} bytes (a write interrupted by a crash)",
          file, bytes.length - end);
      channel.truncate(end);
      channel.force(true);
    }
    channel.position(end);
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    Map<String, PendingApproval> seen = new HashMap<>();
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      PendingApproval next;
      try {
        next = ApprovalJson.read(line);
      } catch (RuntimeException e) { // malformed JSON, a missing field, a value the records reject
        throw new IllegalStateException(
            "Corrupt approval journal " + file + " at line " + lineNo + ": " + e.getMessage(), e);
      }
      PendingApproval before = seen.get(next.id());
      if (before == null ? next.status() != ApprovalStatus.PENDING : before.status().isTerminal()) {
        throw new IllegalStateException("Corrupt approval journal " + file + " at line " + lineNo + ": approval "
            + next.id() + " cannot become " + next.status() + " from "
            + (before == null ? "nothing" : before.status()));
      }
      seen.put(next.id(), next);
      restore(next);
    }
  }

  private static FileLock lock(FileChannel channel, Path file) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException("Approval journal " + file + " is already open (locked by another queue)");
    }
    return lock;
  }

  private static void forceDirectory(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open or force a directory; the file's own fsyncs still hold its contents
      LOG.debug("Cannot force directory {}", dir, e);
    }
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Cannot close approval journal channel", e);
      }
    }
  }
}
