package io.vgac.agents.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cluster's predictions in {@link FileCalibrationStore}: append-only segments of checksummed JSON lines (the
 * format is documented on {@link FileCalibrationStore}). Appends are serialised per cluster, so lines sit in
 * acknowledgement order and a crash can tear at most the lines after the last complete one; with {@code sync} each
 * append returns only after an {@code fdatasync} covering it (one force serves every append that completed before
 * it — group commit).
 */
final class PredictionJournal {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionJournal.class);

  static final String SEGMENT_SUFFIX = ".jsonl";
  static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{12})\\.jsonl");
  /** Roll over to a new segment past this size: keeps each file small enough to read and rewrite at once. */
  static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private final Path dir;
  private final String clusterId;
  private final boolean sync;
  private final long segmentBytes;
  /** Segments in append order; the last one is open for appending once {@link #channel} is set. */
  private final List<Path> segments = new ArrayList<>();
  private @Nullable FileChannel channel;
  /** Bytes of complete, acknowledged-or-about-to-be lines in the last segment; readers never look past it. */
  private long size;
  /** Whether the tail past {@link #size} may hold the remains of a failed write (cut before the next append). */
  private boolean dirtyTail;
  private boolean closed;
  private final Object forceLock = new Object();
  /** (segment index, size) known to be on the device; guarded by {@link #forceLock}. */
  private long durableSegment = -1;
  private long durableSize;

  private PredictionJournal(Path dir, String clusterId, boolean sync, long segmentBytes) {
    this.dir = dir;
    this.clusterId = clusterId;
    this.sync = sync;
    this.segmentBytes = segmentBytes;
  }

  /** A journal for a cluster with no segment yet; the directory and first segment are made on the first append. */
  static PredictionJournal empty(Path dir, String clusterId, boolean sync, long segmentBytes) {
    return new PredictionJournal(dir, clusterId, sync, segmentBytes);
  }

  /**
   * Opens the journal in {@code dir}: reads every segment (and any per-prediction files of the store's first layout),
   * and when anything is expired, replaced, torn or spread over several files, rewrites the live records into one new
   * segment (temporary file, force, atomic rename) before deleting the old files.
   *
   * @param legacy per-prediction files to migrate, already read and checked, in any order
   * @throws CorruptStoreException for a line that fails its check with intact lines after it, or a checksummed line
   *     that does not hold a valid prediction of this cluster
   */
  static PredictionJournal open(Path dir, String clusterId, boolean sync, long segmentBytes, List<Path> segmentFiles,
      List<Map.Entry<Path, PredictionRecord>> legacy, Instant now) throws IOException {
    PredictionJournal j = new PredictionJournal(dir, clusterId, sync, segmentBytes);
    List<Path> found = new ArrayList<>(segmentFiles);
    found.sort(Comparator.comparing(p -> String.valueOf(p.getFileName())));
    Map<Instant, PredictionRecord> live = new HashMap<>();
    boolean rewrite = !legacy.isEmpty() || found.size() > 1;
    int records = 0;
    for (Map.Entry<Path, PredictionRecord> e : legacy) {
      live.put(e.getValue().timestamp(), e.getValue());
      records++;
    }
    for (Path segment : found) {
      Scan scan = scan(segment, Files.size(segment), clusterId, live::put);
      records += scan.records();
      if (scan.tornBytes() > 0) {
        LOG.warn("Prediction segment {} ends in {} bytes of an interrupted write (never acknowledged); dropped",
            segment, scan.tornBytes());
        rewrite = true;
      }
    }
    live.values().removeIf(p -> p.isExpiredAt(now));
    rewrite |= live.size() != records;
    if (!rewrite) {
      if (!found.isEmpty()) {
        j.segments.addAll(found);
        j.openForAppend();
      }
      return j;
    }
    List<PredictionRecord> keep = new ArrayList<>(live.values());
    keep.sort(Comparator.comparing(PredictionRecord::timestamp));
    long next = found.isEmpty() ? 1 : sequence(found.get(found.size() - 1)) + 1;
    if (!keep.isEmpty()) {
      Path target = dir.resolve(segmentName(next));
      Path tmp = dir.resolve(segmentName(next) + ".compacting.tmp");
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (PredictionRecord p : keep) {
          byte[] line = line(StoreJson.write(p));
          if (buf.remaining() < line.length) {
            drain(out, buf);
          }
          if (line.length > buf.capacity()) {
            writeFully(out, ByteBuffer.wrap(line));
          } else {
            buf.put(line);
          }
        }
        drain(out, buf);
        if (sync) {
          out.force(true);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      if (sync) {
        FileCalibrationStore.forceDirectory(dir);
      }
      j.segments.add(target);
    }
    // The new segment is complete (and, with sync, durable) before anything it replaces goes away; a crash in between
    // leaves old and new files, which read to the same records (the newest segment wins) and are compacted again.
    for (Path old : found) {
      Files.delete(old);
    }
    for (Map.Entry<Path, PredictionRecord> e : legacy) {
      Files.delete(e.getKey());
    }
    if (sync) {
      FileCalibrationStore.forceDirectory(dir);
    }
    if (!j.segments.isEmpty()) {
      j.openForAppend();
    }
    return j;
  }

  /** Appends {@code p}; returns once the line is written (and, with sync, forced to the device). */
  void append(PredictionRecord p) {
    byte[] line = line(StoreJson.write(p));
    int segment;
    long end;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The store holding " + dir + " is closed");
      }
      try {
        FileChannel ch = writableChannel(line.length);
        try {
          writeFully(ch, ByteBuffer.wrap(line), size);
        } catch (IOException e) {
          dirtyTail = true;
          throw e;
        }
        size += line.length;
        segment = segments.size() - 1;
        end = size;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot append a prediction to " + current(), e);
      }
    }
    if (sync) {
      force(segment, end);
    }
  }

  /** The unexpired predictions in {@code [from, to)}, oldest first; the last line for a timestamp wins. */
  List<PredictionRecord> read(Instant from, Instant to, Instant now) {
    List<Path> files;
    long lastSize;
    synchronized (this) {
      files = List.copyOf(segments);
      lastSize = size;
    }
    Map<Instant, PredictionRecord> found = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Path segment = files.get(i);
      try {
        // Sealed segments never change; the open one is read only up to its last complete line.
        long limit = i == files.size() - 1 ? lastSize : Files.size(segment);
        scan(segment, limit, clusterId, (t, p) -> {
          if (!t.isBefore(from) && t.isBefore(to)) {
            found.put(t, p);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + segment, e);
      }
    }
    List<PredictionRecord> out = new ArrayList<>(found.size());
    for (PredictionRecord p : found.values()) {
      if (!p.isExpiredAt(now)) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(PredictionRecord::timestamp));
    return out;
  }

  synchronized void close() {
    closed = true;
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        LOG.warn("Cannot close {}: {}", current(), e.toString());
      }
    }
  }

  // ---- writing ---------------------------------------------------------------------------------------------------

  private FileChannel writableChannel(int lineLength) throws IOException {
    FileChannel ch = channel;
    if (ch != null && dirtyTail) {
      ch.truncate(size); // the remains of a failed write: the next line must follow the last complete one
      dirtyTail = false;
    }
    if (ch == null || (size > 0 && size + lineLength > segmentBytes)) {
      if (ch != null) {
        if (sync) {
          ch.force(false); // a sealed segment is complete on the device before its successor takes appends
        }
        ch.close();
        channel = null;
      }
      boolean firstSegment = segments.isEmpty();
      if (firstSegment) {
        FileCalibrationStore.ensureDirectory(dir);
      }
      long next = firstSegment ? 1 : sequence(segments.get(segments.size() - 1)) + 1;
      Path file = dir.resolve(segmentName(next));
      ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      segments.add(file);
      channel = ch;
      size = 0;
      dirtyTail = false;
      if (sync) {
        FileCalibrationStore.forceDirectory(dir); // the new file's directory entry
      }
    }
    return ch;
  }

  private void openForAppend() throws IOException {
    Path last = segments.get(segments.size() - 1);
    channel = FileChannel.open(last, StandardOpenOption.WRITE);
    size = channel.size();
  }

  /** Forces segment {@code segment} at least up to {@code end}; one force covers every append before it. */
  private void force(int segment, long end) {
    synchronized (forceLock) {
      if (durableSegment > segment || (durableSegment == segment && durableSize >= end)) {
        return;
      }
      FileChannel ch;
      long upTo;
      int current;
      synchronized (this) {
        ch = channel;
        upTo = size;
        current = segments.size() - 1;
      }
      if (current != segment) {
        return; // rolled over: the segment was forced before it was sealed
      }
      try {
        if (ch != null) {
          ch.force(false);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot force " + current(), e);
      }
      durableSegment = current;
      durableSize = upTo;
    }
  }

  private static void drain(FileChannel out, ByteBuffer buf) throws IOException {
    buf.flip();
    writeFully(out, buf);
    buf.clear();
  }

  private static void writeFully(FileChannel out, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      pos += out.write(buf, pos);
    }
  }

  // ---- the line format -------------------------------------------------------------------------------------------

  /** {@code <crc32c of the JSON, 8 lower-case hex digits> <JSON>\n}. */
  static byte[] line(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(body);
    byte[] out = new byte[body.length + 10];
    long c = crc.getValue();
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) Character.forDigit((int) (c & 0xf), 16);
      c >>>= 4;
    }
    out[8] = ' ';
    System.arraycopy(body, 0, out, 9, body.length);
    out[out.length - 1] = '\n';
    return out;
  }

  /** The JSON of a complete line (without its newline) when it passes its check; null when it does not. */
  static @Nullable String checked(byte[] b, int from, int to) {
    if (to - from < 10 || b[from + 8] != ' ') {
      return null;
    }
    long expected = 0;
    for (int i = from; i < from + 8; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0 || (b[i] >= 'A' && b[i] <= 'F')) {
        return null;
      }
      expected = (expected << 4) | d;
    }
    CRC32C crc = new CRC32C();
    crc.update(b, from + 9, to - from - 9);
    return crc.getValue() == expected ? new String(b, from + 9, to - from - 9, StandardCharsets.UTF_8) : null;
  }

  record Scan(int records, long tornBytes) {}

  interface Sink {
    void accept(Instant timestamp, PredictionRecord p);
  }

  /**
   * Reads the first {@code limit} bytes of {@code segment}, handing each record to {@code sink} in order. From the
   * first line that is incomplete or fails its checksum to the end is a torn tail (an interrupted append, never
   * acknowledged) as long as no intact line follows it; an intact line after a bad one means damage, not a crash.
   */
  static Scan scan(Path segment, long limit, String clusterId, Sink sink) throws IOException {
    if (limit > Integer.MAX_VALUE - 16) {
      throw new CorruptStoreException(segment.toString(), "segment of " + limit + " bytes is larger than any the"
          + " store writes");
    }
    byte[] b = new byte[(int) limit];
    try (InputStream in = Files.newInputStream(segment)) {
      int n = in.readNBytes(b, 0, b.length);
      if (n < b.length) {
        throw new CorruptStoreException(segment.toString(), "holds " + n + " bytes, fewer than the " + limit
            + " already written");
      }
    }
    int records = 0;
    int start = 0;
    int lineNo = 0;
    while (start < b.length) {
      lineNo++;
      int nl = indexOf(b, (byte) '\n', start);
      String json = nl < 0 ? null : checked(b, start, nl);
      if (json == null) {
        int badLine = lineNo;
        for (int s = nl < 0 ? b.length : nl + 1; s < b.length; ) {
          int e = indexOf(b, (byte) '\n', s);
          if (e < 0) {
            break;
          }
          if (checked(b, s, e) != null) {
            throw new CorruptStoreException(segment.toString(), "line " + badLine
                + " is damaged (checksum or format) but intact lines follow it");
          }
          s = e + 1;
        }
        return new Scan(records, b.length - start);
      }
      PredictionRecord p;
      try {
        p = StoreJson.read(json, PredictionRecord.class);
      } catch (IllegalArgumentException e) {
        throw new CorruptStoreException(segment.toString(), "line " + lineNo + ": " + e.getMessage(), e);
      }
      if (!p.clusterId().equals(clusterId)) {
        throw new CorruptStoreException(segment.toString(), "line " + lineNo + " holds cluster_id '" + p.clusterId()
            + "', which does not belong in this cluster's journal");
      }
      sink.accept(p.timestamp(), p);
      records++;
      start = nl + 1;
    }
    return new Scan(records, 0);
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  // ---- names -----------------------------------------------------------------------------------------------------

  static String segmentName(long sequence) {
    return String.format("%012d", sequence) + SEGMENT_SUFFIX;
  }

  static long sequence(Path segment) {
    return Long.parseLong(String.valueOf(segment.getFileName()).substring(0, 12));
  }

  private Path current() {
    return segments.isEmpty() ? dir : segments.get(segments.size() - 1);
  }
}
