package io.vgac.agents.store;

import io.vgac.agents.model.Checks;
import io.vgac.calibration.tracker.TrackersSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable default {@link CalibrationStore}: one small JSON file per calibration, profile and tracker snapshot,
 * and per cluster an append-only journal of the scored predictions, in a local directory.
 *
 * <h2>Guarantee</h2>
 * Every write that returned survives a crash of the process at any later point, and — where the operating system
 * honours fsync on files and directories — a power loss. A crash in the middle of a write leaves the item either
 * as it was or as written, never torn, and never returns a torn prediction as data.
 * <ul>
 *   <li><b>Items</b> (calibration, profile, trackers): the new content goes to a temporary file in the same
 *       directory, which is forced to the device ({@link FileChannel#force}), then atomically renamed over the item's
 *       file ({@link StandardCopyOption#ATOMIC_MOVE}), then the directory itself is forced so the rename is on the
 *       device too.
 *   <li><b>Predictions</b> (one a job, the hot path of a replay): one line appended to the cluster's current
 *       segment, then an {@code fdatasync} of the segment before the append returns. Appends to one cluster are
 *       serialised, and one fdatasync covers every line written before it (concurrent appenders share it). A crash
 *       can leave only the line being written incomplete; it carries a checksum, so it is recognised and dropped.
 * </ul>
 * Some platforms cannot open or force a directory (Windows; a few network filesystems): there the failure is
 * logged once and the rename is as durable as the filesystem's own journal makes it. Without sync (see the
 * three-argument constructor) nothing is forced; the writes stay atomic as above.
 *
 * <h2>Layout</h2>
 * <pre>
 * dir/.lock                                     held (OS file lock) while a store is open on dir
 * dir/calibration/{cluster}.json                 CalibrationRecord
 * dir/profile/{cluster}.json                     ProfileRecord
 * dir/prediction/{cluster}/{sequence, 12 digits}.jsonl   PredictionRecords: the cluster's journal segments
 * dir/trackers.json                              TrackersSnapshot
 * </pre>
 * {@code {cluster}} is the cluster id with every byte outside {@code [A-Za-z0-9_-]} percent-encoded (so ids with
 * slashes, dots or non-ASCII letters stay one safe file name); encoded ids are limited to 200 bytes. Each item file
 * is a header line {@code vgac-store 1 crc32c=<8 hex> length=<bytes>} followed by the JSON of the item
 * ({@link StoreJson}), so truncation and bit rot are detected rather than parsed into wrong values.
 *
 * <p><b>Prediction segments</b> (format 1) hold one line per appended prediction, in append order:
 * {@code <crc32c of the JSON, 8 lower-case hex digits> <JSON of the PredictionRecord>\n}. A cluster's records are
 * its segments' lines in sequence order, file after file; for one timestamp the last line wins (a replacement
 * appends, it does not rewrite). A segment takes appends until it would pass 64 MiB, then the next sequence number
 * starts a new one. A line that is incomplete or fails its checksum, with no intact line after it in its segment, is
 * the torn tail of an interrupted append: never acknowledged, never returned, cut off at the next open. A bad line
 * with intact lines after it is damage, not a crash, and fails the open. Earlier builds kept one file per
 * prediction ({@code {epochSecond}.{nanos, 9 digits}.json}, item format); opening migrates such files into the
 * journal.
 *
 * <h2>Opening</h2>
 * Opening takes an exclusive lock on {@code dir/.lock} (one process per directory — a second one fails with
 * {@link IllegalStateException}), deletes leftover temporary files ({@code *.tmp}, from writes a crash
 * interrupted; they were never acknowledged) and reads and checks every item and every prediction. A cluster's
 * journal that holds expired, replaced or torn lines, or more than one segment, is compacted: its live records,
 * ordered by timestamp, go to one new segment (temporary file, forced, renamed, directory forced) before the old
 * segments are deleted — a crash in between leaves old and new segments, which read to the same records. A file that
 * fails its checksum, does not parse, fails validation, sits under the wrong name or is not part of the layout
 * makes the open fail with a {@link CorruptStoreException} naming the file: the store never starts on data it cannot
 * trust. Opening therefore reads the whole store; it is meant for one node's state (tens of clusters, 30 days of
 * predictions), not as a database. A range query of predictions reads the cluster's segments.
 *
 * <h2>Concurrency</h2>
 * Thread-safe. Writes to different items (and to different clusters' journals) run in parallel; concurrent writes to
 * one item end with the last rename, concurrent appends for one cluster and timestamp with the last append (last
 * writer wins). Reads see each item either before or after a write, never half of it, and read a journal only up to
 * its last complete line.
 */
public final class FileCalibrationStore implements CalibrationStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileCalibrationStore.class);
  private static final AtomicBoolean WARNED_DIRECTORY_SYNC = new AtomicBoolean();

  static final String LOCK_FILE = ".lock";
  static final String CALIBRATION_DIR = "calibration";
  static final String PROFILE_DIR = "profile";
  static final String PREDICTION_DIR = "prediction";
  static final String TRACKERS_FILE = "trackers.json";
  private static final String JSON = ".json";
  private static final String TMP = ".tmp";
  private static final String MAGIC = "vgac-store 1";
  private static final Pattern HEADER = Pattern.compile("vgac-store 1 crc32c=([0-9a-f]{8}) length=(\\d{1,9})");
  /** A prediction file of the first layout (one file per prediction), migrated into the journal on open. */
  private static final Pattern PREDICTION_NAME = Pattern.compile("(-?\\d{1,19})\\.(\\d{9})\\.json");
  /** Longest encoded cluster id: leaves room for ".json", a UUID and ".tmp" within a 255-byte file name. */
  static final int MAX_ENCODED_ID_BYTES = 200;

  private final Path dir;
  private final Clock clock;
  private final boolean sync;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final long segmentBytes;
  /** Each cluster's prediction journal, by cluster id: opened with the store, or made on the first append. */
  private final ConcurrentHashMap<String, PredictionJournal> journals = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Opens (creating when absent) the store in {@code dir}, judging prediction expiry by the system clock. */
  public FileCalibrationStore(Path dir) {
    this(dir, Clock.systemUTC());
  }

  /**
   * Opens (creating when absent) the store in {@code dir}.
   *
   * @throws CorruptStoreException naming the first file that cannot be trusted
   * @throws IllegalStateException when another store holds {@code dir}
   * @throws UncheckedIOException when the directory cannot be created or read
   */
  public FileCalibrationStore(Path dir, Clock clock) {
    this(dir, clock, true);
  }

  /**
   * Opens the store with or without forcing each write to the device. Without ({@code sync = false}: trace replays,
   * tests) writes are still atomic (temporary file, then rename), so a process crash leaves each item old or new;
   * only an operating-system crash or power loss may lose the latest writes. Opening is the same either way.
   *
   * @throws CorruptStoreException naming the first file that cannot be trusted
   * @throws IllegalStateException when another store holds {@code dir}
   * @throws UncheckedIOException when the directory cannot be created or read
   */
  public FileCalibrationStore(Path dir, Clock clock, boolean sync) {
    this(dir, clock, sync, PredictionJournal.DEFAULT_SEGMENT_BYTES);
  }

  /** With another segment size (tests of the roll-over). */
  FileCalibrationStore(Path dir, Clock clock, boolean sync, long segmentBytes) {
    if (segmentBytes < 1) {
      throw new IllegalArgumentException("segmentBytes must be ≥ 1 but was " + segmentBytes);
    }
    this.segmentBytes = segmentBytes;
    this.dir = Checks.required("dir", dir).toAbsolutePath();
    this.clock = Checks.required("clock", clock);
    this.sync = sync;
    FileChannel channel = null;
    FileLock held = null;
    try {
      ensureDirectory(this.dir);
      channel = FileChannel.open(this.dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      held = tryLock(channel);
      for (String sub : List.of(CALIBRATION_DIR, PROFILE_DIR, PREDICTION_DIR)) {
        ensureDirectory(this.dir.resolve(sub));
      }
      recover();
    } catch (IOException e) {
      closeJournals();
      release(held, channel);
      throw new UncheckedIOException("Cannot open calibration store in " + this.dir, e);
    } catch (RuntimeException e) {
      closeJournals();
      release(held, channel);
      throw e;
    }
    this.lockChannel = channel;
    this.lock = held;
  }

  /** The store's directory (absolute). */
  public Path directory() {
    return dir;
  }

  @Override
  public void putCalibration(CalibrationRecord record) {
    Checks.required("record", record);
    writeItem(dir.resolve(CALIBRATION_DIR).resolve(encodeId(record.clusterId()) + JSON), StoreJson.write(record));
  }

  @Override
  public Optional<CalibrationRecord> calibration(String clusterId) {
    ensureOpen();
    Path file = dir.resolve(CALIBRATION_DIR).resolve(encodeId(Checks.id("cluster_id", clusterId)) + JSON);
    return readItem(file).map(json -> calibrationIn(file, json));
  }

  @Override
  public List<CalibrationRecord> calibrations() {
    ensureOpen();
    List<CalibrationRecord> out = new ArrayList<>();
    for (Path file : list(dir.resolve(CALIBRATION_DIR))) {
      if (isItem(file)) {
        readItem(file).ifPresent(json -> out.add(calibrationIn(file, json)));
      }
    }
    out.sort(Comparator.comparing(CalibrationRecord::clusterId));
    return List.copyOf(out);
  }

  @Override
  public void putProfile(ProfileRecord profile) {
    Checks.required("profile", profile);
    writeItem(dir.resolve(PROFILE_DIR).resolve(encodeId(profile.clusterId()) + JSON), StoreJson.write(profile));
  }

  @Override
  public Optional<ProfileRecord> profile(String clusterId) {
    ensureOpen();
    Path file = dir.resolve(PROFILE_DIR).resolve(encodeId(Checks.id("cluster_id", clusterId)) + JSON);
    return readItem(file).map(json -> profileIn(file, json));
  }

  @Override
  public void appendPrediction(PredictionRecord prediction) {
    Checks.required("prediction", prediction);
    Instant now = clock.instant();
    if (prediction.isExpiredAt(now)) {
      throw new IllegalArgumentException("expires_at must be after now (" + now + ") but was "
          + prediction.expiresAt());
    }
    String id = prediction.clusterId();
    Path clusterDir = dir.resolve(PREDICTION_DIR).resolve(encodeId(id));
    ensureOpen();
    journals.computeIfAbsent(id, k -> PredictionJournal.empty(clusterDir, k, sync, segmentBytes)).append(prediction);
  }

  @Override
  public List<PredictionRecord> predictions(String clusterId, Instant from, Instant to) {
    ensureOpen();
    Checks.id("cluster_id", clusterId);
    InMemoryCalibrationStore.checkRange(from, to);
    PredictionJournal journal = journals.get(clusterId);
    if (journal == null) {
      return List.of();
    }
    return List.copyOf(journal.read(from, to, clock.instant()));
  }

  @Override
  public void saveTrackers(TrackersSnapshot snapshot) {
    Checks.required("snapshot", snapshot);
    writeItem(dir.resolve(TRACKERS_FILE), StoreJson.write(snapshot));
  }

  @Override
  public Optional<TrackersSnapshot> loadTrackers() {
    ensureOpen();
    Path file = dir.resolve(TRACKERS_FILE);
    return readItem(file).map(json -> parse(file, json, TrackersSnapshot.class));
  }

  /** Releases the directory lock; later operations fail with {@link IllegalStateException}. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeJournals();
    release(lock, lockChannel);
  }

  private void closeJournals() {
    for (PredictionJournal j : journals.values()) {
      j.close();
    }
  }

  @Override
  public String toString() {
    return "FileCalibrationStore[" + dir + "]";
  }

  // ---- writing ---------------------------------------------------------------------------------------------------

  /** Temp file in the same directory → force → atomic rename over the target → force the directory. */
  private void writeItem(Path target, String json) {
    ensureOpen();
    byte[] content = encode(json);
    Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TMP);
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        if (sync) {
          out.force(true);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("Cannot write " + target, e);
    }
    if (sync) {
      forceDirectory(target.getParent());
    }
  }

  static byte[] encode(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(body);
    byte[] header = String.format("%s crc32c=%08x length=%d\n", MAGIC, crc.getValue(), body.length)
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + body.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  /** Creates {@code d} when absent and forces its parent, so the new directory entry is durable. */
  static void ensureDirectory(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    Files.createDirectories(d);
    Path parent = d.getParent();
    if (parent != null) {
      forceDirectory(parent);
    }
  }

  /**
   * Forces a directory's entries (a rename, a new file) to the device. Linux needs this for a rename to survive a
   * power loss. Some platforms cannot open a directory as a channel (Windows) and some filesystems reject fsync on
   * one (EINVAL); there we log once and rely on the filesystem's journal — the file's content was forced already.
   */
  static void forceDirectory(Path d) {
    try (FileChannel channel = FileChannel.open(d, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (WARNED_DIRECTORY_SYNC.compareAndSet(false, true)) {
        LOG.warn("Cannot fsync directory {} ({}); renames are as durable as the filesystem makes them", d,
            e.toString());
      }
    }
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  /** The JSON of an item file, checked against its header; empty when the file does not exist. */
  private static Optional<String> readItem(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return Optional.of(decode(file, bytes));
  }

  static String decode(Path file, byte[] bytes) {
    int newline = -1;
    for (int i = 0; i < Math.min(bytes.length, 80); i++) {
      if (bytes[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0) {
      throw new CorruptStoreException(file.toString(), "no '" + MAGIC + "' header line");
    }
    String header = new String(bytes, 0, newline, StandardCharsets.US_ASCII);
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      throw new CorruptStoreException(file.toString(), "bad header line '" + header + "'");
    }
    int length = Integer.parseInt(m.group(2));
    int actual = bytes.length - newline - 1;
    if (actual != length) {
      throw new CorruptStoreException(file.toString(),
          "header says " + length + " bytes of JSON but the file holds " + actual);
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, newline + 1, length);
    long expected = Long.parseLong(m.group(1), 16);
    if (crc.getValue() != expected) {
      throw new CorruptStoreException(file.toString(), String.format(
          "checksum mismatch (crc32c %08x in the header, %08x of the content)", expected, crc.getValue()));
    }
    return new String(bytes, newline + 1, length, StandardCharsets.UTF_8);
  }

  private static <T> T parse(Path file, String json, Class<T> type) {
    try {
      return StoreJson.read(json, type);
    } catch (IllegalArgumentException e) {
      throw new CorruptStoreException(file.toString(), e.getMessage(), e);
    }
  }

  private static CalibrationRecord calibrationIn(Path file, String json) {
    CalibrationRecord r = parse(file, json, CalibrationRecord.class);
    checkName(file, encodeId(r.clusterId()) + JSON, "cluster_id '" + r.clusterId() + "'");
    return r;
  }

  private static ProfileRecord profileIn(Path file, String json) {
    ProfileRecord r = parse(file, json, ProfileRecord.class);
    checkName(file, encodeId(r.clusterId()) + JSON, "cluster_id '" + r.clusterId() + "'");
    return r;
  }

  private static PredictionRecord predictionIn(Path file, String json, @Nullable String clusterId) {
    PredictionRecord r = parse(file, json, PredictionRecord.class);
    checkName(file, predictionName(r.timestamp()), "timestamp " + r.timestamp());
    Path parent = file.getParent();
    String dirName = parent == null ? "" : String.valueOf(parent.getFileName());
    if (!dirName.equals(encodeId(r.clusterId())) || (clusterId != null && !clusterId.equals(r.clusterId()))) {
      throw new CorruptStoreException(file.toString(),
          "holds cluster_id '" + r.clusterId() + "', which does not belong in directory " + dirName);
    }
    return r;
  }

  /** A record under another item's name would be returned for the wrong key: refuse it. */
  private static void checkName(Path file, String expected, String what) {
    if (!String.valueOf(file.getFileName()).equals(expected)) {
      throw new CorruptStoreException(file.toString(), "holds " + what + ", whose file would be " + expected);
    }
  }

  // ---- opening ---------------------------------------------------------------------------------------------------

  private static FileLock tryLock(FileChannel channel) throws IOException {
    FileLock held;
    try {
      held = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("Calibration store lock " + LOCK_FILE + " is already held in this JVM", e);
    }
    if (held == null) {
      throw new IllegalStateException("Calibration store lock " + LOCK_FILE + " is held by another process");
    }
    return held;
  }

  /** Deletes leftover temp files; reads and checks every item; opens (and compacts) each cluster's journal. */
  private void recover() throws IOException {
    Instant now = clock.instant();
    for (Path file : list(dir)) {
      String name = String.valueOf(file.getFileName());
      if (name.endsWith(TMP)) {
        deleteQuietly(file);
      } else if (name.equals(TRACKERS_FILE)) {
        readItem(file).ifPresent(json -> parse(file, json, TrackersSnapshot.class));
      } else if (!name.equals(LOCK_FILE) && !name.equals(CALIBRATION_DIR) && !name.equals(PROFILE_DIR)
          && !name.equals(PREDICTION_DIR)) {
        throw unexpected(file);
      }
    }
    for (Path file : dataFiles(dir.resolve(CALIBRATION_DIR))) {
      readItem(file).ifPresent(json -> calibrationIn(file, json));
    }
    for (Path file : dataFiles(dir.resolve(PROFILE_DIR))) {
      readItem(file).ifPresent(json -> profileIn(file, json));
    }
    for (Path clusterDir : list(dir.resolve(PREDICTION_DIR))) {
      if (!Files.isDirectory(clusterDir)) {
        if (String.valueOf(clusterDir.getFileName()).endsWith(TMP)) {
          deleteQuietly(clusterDir);
          continue;
        }
        throw unexpected(clusterDir);
      }
      String clusterId = decodeId(clusterDir);
      List<Path> segments = new ArrayList<>();
      List<Map.Entry<Path, PredictionRecord>> legacy = new ArrayList<>();
      for (Path file : list(clusterDir)) {
        String name = String.valueOf(file.getFileName());
        if (name.endsWith(TMP)) {
          deleteQuietly(file);
        } else if (!Files.isRegularFile(file)) {
          throw unexpected(file);
        } else if (PredictionJournal.SEGMENT_NAME.matcher(name).matches()) {
          segments.add(file);
        } else if (predictionTime(file) != null) {
          readItem(file).ifPresent(json -> legacy.add(Map.entry(file, predictionIn(file, json, clusterId))));
        } else {
          throw unexpected(file);
        }
      }
      journals.put(clusterId,
          PredictionJournal.open(clusterDir, clusterId, sync, segmentBytes, segments, legacy, now));
    }
  }

  /** The cluster id a prediction directory is named for; only names {@link #encodeId} makes are accepted. */
  private static String decodeId(Path clusterDir) {
    String name = String.valueOf(clusterDir.getFileName());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%' && i + 2 < name.length() && Character.digit(name.charAt(i + 1), 16) >= 0
          && Character.digit(name.charAt(i + 2), 16) >= 0) {
        bytes.write(Character.digit(name.charAt(i + 1), 16) << 4 | Character.digit(name.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.write(c < 0x80 ? c : '%'); // a non-ASCII name cannot be one encodeId made: fails the check below
      }
    }
    String id = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    try {
      if (!id.isBlank() && encodeId(id).equals(name)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // too long: not a name the store makes
    }
    throw unexpected(clusterDir);
  }

  /** The item files of a directory, after deleting its leftover temp files; anything else is unexpected. */
  private static List<Path> dataFiles(Path d) {
    List<Path> out = new ArrayList<>();
    for (Path file : list(d)) {
      String name = String.valueOf(file.getFileName());
      if (name.endsWith(TMP)) {
        deleteQuietly(file);
      } else if (name.endsWith(JSON) && Files.isRegularFile(file)) {
        out.add(file);
      } else {
        throw unexpected(file);
      }
    }
    return out;
  }

  private static CorruptStoreException unexpected(Path file) {
    return new CorruptStoreException(file.toString(), "not part of the store's layout (remove or move it)");
  }

  // ---- names -----------------------------------------------------------------------------------------------------

  /** The cluster id as a file name: bytes outside [A-Za-z0-9_-] percent-encoded. */
  static String encodeId(String clusterId) {
    StringBuilder sb = new StringBuilder(clusterId.length());
    for (byte b : clusterId.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    if (sb.length() > MAX_ENCODED_ID_BYTES) {
      throw new IllegalArgumentException("cluster_id must encode to at most " + MAX_ENCODED_ID_BYTES
          + " file-name bytes in the file store but '" + clusterId + "' encodes to " + sb.length());
    }
    return sb.toString();
  }

  static String predictionName(Instant t) {
    return t.getEpochSecond() + "." + String.format("%09d", t.getNano()) + JSON;
  }

  private static @Nullable Instant predictionTime(Path file) {
    Matcher m = PREDICTION_NAME.matcher(String.valueOf(file.getFileName()));
    if (!m.matches()) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private static boolean isItem(Path file) {
    return String.valueOf(file.getFileName()).endsWith(JSON);
  }

  private static List<Path> list(Path d) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(d)) {
      stream.forEach(out::add);
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + d, e);
    }
    out.sort(null);
    return out;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.debug("Cannot delete {}: {}", file, e.toString());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private static void release(@Nullable FileLock held, @Nullable FileChannel channel) {
    try {
      if (held != null && held.isValid()) {
        held.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.warn("Cannot release calibration store lock: {}", e.toString());
    }
  }
}
