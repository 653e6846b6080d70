package io.vgac.dynamodb;

import io.vgac.agents.model.Checks;
import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.CorruptStoreException;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.agents.store.StoreJson;
import io.vgac.calibration.tracker.TrackersSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The {@link CalibrationStore} on DynamoDB: the shared state of several scheduler replicas, in the design's single
 * table (see {@link DynamoDbTables} for its definition).
 *
 * <h2>Layout</h2>
 * <pre>
 * PK                 SK                                   attributes
 * CLUSTER#{id}       CALIBRATION                          doc (CalibrationRecord JSON), version
 * CLUSTER#{id}       PROFILE                              doc (ProfileRecord JSON), version
 * CLUSTER#{id}       PREDICTION#{yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}   doc (PredictionRecord JSON), ttl
 * CLUSTERS           CLUSTER#{id}                         (registry: lists calibrations without a table scan)
 * FLEET              TRACKERS                             generation, chunks, bytes, version (the manifest)
 * FLEET              TRACKERS#{generation}#{nnnnn}        data (a chunk of the gzipped TrackersSnapshot JSON)
 * </pre>
 * {@code doc} is the record's {@link StoreJson} document (the same JSON every store keeps; NaN as {@code "NaN"},
 * which a DynamoDB number cannot hold). Prediction keys use a fixed-width ISO-8601 timestamp so that key order is
 * time order; {@code ttl} is the prediction's {@code expiresAt} in epoch seconds, rounded up (30 days after the
 * prediction by default), so DynamoDB never deletes a prediction before it has expired.
 *
 * <h2>Consistency and locking</h2>
 * Every read is strongly consistent, so a write that returned is seen by every later read of any replica.
 * <ul>
 *   <li>{@code put*} and {@link #saveTrackers} overwrite unconditionally (the SPI's "last writer wins": the write
 *       that reaches DynamoDB last is kept, whole) and bump the item's {@code version} atomically.
 *   <li>{@link #updateCalibration}, {@link #updateProfile} and {@link #updateTrackers} are read-modify-writes with
 *       optimistic locking: the new value is written only if {@code version} is still the one read. A write that
 *       finds the item changed fails internally with a stale-write error and the update is recomputed from fresh
 *       state after a jittered backoff, at most {@link DynamoDbConfig#maxAttempts()} times; then
 *       {@link ConcurrentUpdateException} (nothing written). So concurrent updates from several replicas never lose
 *       an increment, and a blind put in between is never overwritten by a value computed from older state.
 *   <li>Predictions are immutable items keyed by timestamp; two appends at the same instant: the last wins.
 * </ul>
 *
 * <h2>Item size</h2>
 * DynamoDB refuses items over 400 KB. Calibration, profile and prediction items are small (ids are limited to
 * {@value Keys#MAX_CLUSTER_ID_BYTES} bytes by the key limits). The tracker fleet snapshot grows with the number
 * of environments and their window size, so it is gzipped and split into chunk items of {@value #CHUNK_BYTES}
 * bytes, written under a fresh generation before the manifest is switched to it (a reader never sees half a
 * snapshot); the previous generation's chunks are deleted afterwards. A snapshot larger than
 * {@link DynamoDbConfig#maxTrackersBytes()} after gzip is refused with IllegalArgumentException. A crash between
 * writing chunks and switching the manifest leaves unreferenced chunks behind (never read; delete them by hand).
 *
 * <h2>Not done</h2>
 * No transactions (the layout never needs two items to change together), no caching (every read goes to
 * DynamoDB), no table creation (call {@link DynamoDbTables#createIfMissing}). Storage failures surface as the
 * SDK's unchecked exceptions; data that does not parse or sits under the wrong key as {@link CorruptStoreException}.
 * The store does not own the {@link DynamoDbClient}: close that yourself.
 */
public final class DynamoDbCalibrationStore implements CalibrationStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbCalibrationStore.class);

  /** Chunk size of the tracker snapshot: well under 400 KB with the keys and attribute names. */
  static final int CHUNK_BYTES = 350 * 1024;

  private final DynamoDbClient client;
  private final DynamoDbConfig config;
  private final Clock clock;
  /** Writes with optimistic locking: the version extension adds the condition and bumps the version. */
  private final DynamoDbTable<StoreItem> versioned;
  /** Unconditional writes and all reads. */
  private final DynamoDbTable<StoreItem> plain;
  /** Clusters this instance has put in the registry (saves a write per calibration put). */
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final AtomicLong conflicts = new AtomicLong();
  private volatile boolean closed;

  /** A store on the system clock (UTC). */
  public DynamoDbCalibrationStore(DynamoDbClient client, DynamoDbConfig config) {
    this(client, config, Clock.systemUTC());
  }

  /**
   * A store on {@code config.tableName()}, which must exist ({@link DynamoDbTables#createIfMissing}); prediction
   * expiry is judged by {@code clock}.
   */
  public DynamoDbCalibrationStore(DynamoDbClient client, DynamoDbConfig config, Clock clock) {
    this.client = Checks.required("client", client);
    this.config = Checks.required("config", config);
    this.clock = Checks.required("clock", clock);
    this.versioned = DynamoDbEnhancedClient.builder().dynamoDbClient(client)
        .extensions(VersionedRecordExtension.builder().build()).build()
        .table(config.tableName(), StoreItem.SCHEMA);
    this.plain = DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions().build()
        .table(config.tableName(), StoreItem.SCHEMA);
  }

  /** The configuration this store was made with. */
  public DynamoDbConfig config() {
    return config;
  }

  /** Optimistic writes that found their item changed and were recomputed, since this store was made. */
  public long conflictRetries() {
    return conflicts.get();
  }

  // ---- calibration -----------------------------------------------------------------------------------------------

  @Override
  public void putCalibration(CalibrationRecord record) {
    Checks.required("record", record);
    ensureOpen();
    String pk = Keys.cluster(record.clusterId());
    register(record.clusterId());
    overwrite(pk, Keys.CALIBRATION, StoreJson.write(record));
  }

  /**
   * Replaces the calibration of {@code clusterId} by {@code update} applied to the current one (empty when there
   * is none), with optimistic locking: when another writer changed it in between, {@code update} is applied again
   * to the fresh value. {@code update} may therefore run several times and must not have side effects.
   *
   * @return the record written
   * @throws IllegalArgumentException when {@code update} returns a record of another cluster
   * @throws ConcurrentUpdateException when every attempt lost the race
   */
  public CalibrationRecord updateCalibration(
      String clusterId, Function<Optional<CalibrationRecord>, CalibrationRecord> update) {
    Checks.id("cluster_id", clusterId);
    Checks.required("update", update);
    ensureOpen();
    String pk = Keys.cluster(clusterId);
    register(clusterId);
    return readModifyWrite(pk, Keys.CALIBRATION, CalibrationRecord.class, CalibrationRecord::clusterId, clusterId,
        update);
  }

  @Override
  public Optional<CalibrationRecord> calibration(String clusterId) {
    Checks.id("cluster_id", clusterId);
    ensureOpen();
    return read(Keys.cluster(clusterId), Keys.CALIBRATION)
        .map(item -> parseDoc(item, CalibrationRecord.class, r -> r.clusterId(), clusterId));
  }

  @Override
  public List<CalibrationRecord> calibrations() {
    ensureOpen();
    List<CalibrationRecord> out = new ArrayList<>();
    for (StoreItem entry : query(QueryConditional.keyEqualTo(k(Keys.CLUSTERS, null)))) {
      String sk = entry.sk == null ? "" : entry.sk;
      if (!sk.startsWith(Keys.CLUSTER_PREFIX)) {
        throw new CorruptStoreException(where(Keys.CLUSTERS, sk), "not a cluster registry entry");
      }
      String clusterId = sk.substring(Keys.CLUSTER_PREFIX.length());
      // A registered cluster without a calibration: its first put failed after registering. Skip it.
      calibration(clusterId).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(CalibrationRecord::clusterId));
    return List.copyOf(out);
  }

  // ---- profile ---------------------------------------------------------------------------------------------------

  @Override
  public void putProfile(ProfileRecord profile) {
    Checks.required("profile", profile);
    ensureOpen();
    overwrite(Keys.cluster(profile.clusterId()), Keys.PROFILE, StoreJson.write(profile));
  }

  /**
   * Replaces the profile of {@code clusterId} by {@code update} applied to the current one, with optimistic
   * locking as {@link #updateCalibration}.
   */
  public ProfileRecord updateProfile(String clusterId, Function<Optional<ProfileRecord>, ProfileRecord> update) {
    Checks.id("cluster_id", clusterId);
    Checks.required("update", update);
    ensureOpen();
    return readModifyWrite(Keys.cluster(clusterId), Keys.PROFILE, ProfileRecord.class, ProfileRecord::clusterId,
        clusterId, update);
  }

  @Override
  public Optional<ProfileRecord> profile(String clusterId) {
    Checks.id("cluster_id", clusterId);
    ensureOpen();
    return read(Keys.cluster(clusterId), Keys.PROFILE)
        .map(item -> parseDoc(item, ProfileRecord.class, ProfileRecord::clusterId, clusterId));
  }

  // ---- predictions -----------------------------------------------------------------------------------------------

  @Override
  public void appendPrediction(PredictionRecord prediction) {
    Checks.required("prediction", prediction);
    ensureOpen();
    Instant now = clock.instant();
    if (prediction.isExpiredAt(now)) {
      throw new IllegalArgumentException("expires_at must be after now (" + now + ") but was "
          + prediction.expiresAt());
    }
    StoreItem item = StoreItem.key(Keys.cluster(prediction.clusterId()), Keys.prediction(prediction.timestamp()));
    item.doc = StoreJson.write(prediction);
    item.ttl = ttlSeconds(prediction.expiresAt());
    plain.putItem(item);
  }

  /** The {@code ttl} of an item that expires at {@code expiresAt}: epoch seconds, rounded up. */
  static long ttlSeconds(Instant expiresAt) {
    return expiresAt.getNano() == 0 ? expiresAt.getEpochSecond() : expiresAt.getEpochSecond() + 1;
  }

  @Override
  public List<PredictionRecord> predictions(String clusterId, Instant from, Instant to) {
    Checks.id("cluster_id", clusterId);
    Checks.required("from", from);
    Checks.required("to", to);
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from (" + from + ") but was " + to);
    }
    ensureOpen();
    String pk = Keys.cluster(clusterId);
    // Half-open [from, to) as DynamoDB's inclusive BETWEEN, clamped to the timestamps a key can hold.
    Instant lo = from.isBefore(Keys.MIN_TIMESTAMP) ? Keys.MIN_TIMESTAMP : from;
    Instant hi = to.isAfter(Keys.MAX_TIMESTAMP) ? Keys.MAX_TIMESTAMP : to.minusNanos(1);
    if (hi.isBefore(lo) || lo.isAfter(Keys.MAX_TIMESTAMP) || hi.isBefore(Keys.MIN_TIMESTAMP)) {
      return List.of();
    }
    Instant now = clock.instant();
    List<PredictionRecord> out = new ArrayList<>();
    for (StoreItem item : query(QueryConditional.sortBetween(
        k(pk, Keys.prediction(lo)), k(pk, Keys.prediction(hi))))) {
      PredictionRecord p = parseDoc(item, PredictionRecord.class, PredictionRecord::clusterId, clusterId);
      if (!Keys.prediction(p.timestamp()).equals(item.sk)) {
        throw new CorruptStoreException(where(item), "holds timestamp " + p.timestamp() + ", which has another key");
      }
      // DynamoDB deletes expired items lazily (within days): the store's clock decides.
      if (!p.isExpiredAt(now)) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(PredictionRecord::timestamp));
    return List.copyOf(out);
  }

  // ---- tracker fleet ---------------------------------------------------------------------------------------------

  @Override
  public void saveTrackers(TrackersSnapshot snapshot) {
    Checks.required("snapshot", snapshot);
    ensureOpen();
    byte[] gz = gzip(StoreJson.write(snapshot));
    String generation = writeChunks(gz);
    Map<String, AttributeValue> old;
    try {
      UpdateItemResponse r = client.updateItem(b -> b.tableName(config.tableName())
          .key(rawKey(Keys.FLEET, Keys.TRACKERS))
          .updateExpression("SET #g = :g, #c = :c, #b = :b, #v = if_not_exists(#v, :zero) + :one")
          .expressionAttributeNames(Map.of("#g", Keys.GENERATION, "#c", Keys.CHUNKS, "#b", Keys.BYTES,
              "#v", Keys.VERSION))
          .expressionAttributeValues(Map.of(":g", s(generation), ":c", n(chunkCount(gz.length)),
              ":b", n(gz.length), ":zero", n(0), ":one", n(1)))
          .returnValues(ReturnValue.ALL_OLD));
      old = r.attributes();
    } catch (RuntimeException e) {
      deleteChunks(generation, chunkCount(gz.length));
      throw e;
    }
    if (old != null && old.containsKey(Keys.GENERATION) && old.containsKey(Keys.CHUNKS)) {
      deleteChunks(old.get(Keys.GENERATION).s(), Integer.parseInt(old.get(Keys.CHUNKS).n()));
    }
  }

  /**
   * Replaces the tracker fleet snapshot by {@code update} applied to the current one (empty when none was saved),
   * with optimistic locking as {@link #updateCalibration}: replicas that each merge their state into the shared
   * snapshot lose nothing.
   *
   * @return the snapshot written
   */
  public TrackersSnapshot updateTrackers(Function<Optional<TrackersSnapshot>, TrackersSnapshot> update) {
    Checks.required("update", update);
    ensureOpen();
    RuntimeException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      if (attempt > 1 && !Backoff.pause(config, attempt)) {
        break;
      }
      Optional<Manifest> current = manifest();
      Optional<TrackersSnapshot> before = current.flatMap(this::readSnapshot);
      if (current.isPresent() && before.isEmpty()) {
        last = new StaleWriteException(where(Keys.FLEET, Keys.TRACKERS), new IllegalStateException("chunks moved"));
        conflicts.incrementAndGet();
        continue;
      }
      TrackersSnapshot next = Checks.required("update result", update.apply(before));
      byte[] gz = gzip(StoreJson.write(next));
      String generation = writeChunks(gz);
      StoreItem manifest = StoreItem.key(Keys.FLEET, Keys.TRACKERS);
      manifest.generation = generation;
      manifest.chunks = chunkCount(gz.length);
      manifest.bytes = (long) gz.length;
      manifest.version = current.map(Manifest::version).orElse(null);
      try {
        writeIfUnchanged(manifest);
      } catch (StaleWriteException e) {
        deleteChunks(generation, manifest.chunks);
        conflicts.incrementAndGet();
        last = e;
        continue;
      }
      current.ifPresent(m -> deleteChunks(m.generation(), m.chunks()));
      return next;
    }
    throw new ConcurrentUpdateException(where(Keys.FLEET, Keys.TRACKERS), config.maxAttempts(), last);
  }

  @Override
  public Optional<TrackersSnapshot> loadTrackers() {
    ensureOpen();
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      if (attempt > 1 && !Backoff.pause(config, attempt)) {
        break;
      }
      Optional<Manifest> m = manifest();
      if (m.isEmpty()) {
        return Optional.empty();
      }
      Optional<TrackersSnapshot> snapshot = readSnapshot(m.get());
      if (snapshot.isPresent()) {
        return snapshot;
      }
      // The chunks were replaced by a concurrent save: read the new manifest.
      if (manifest().equals(m)) {
        throw new CorruptStoreException(where(Keys.FLEET, Keys.TRACKERS), "generation " + m.get().generation()
            + " lists " + m.get().chunks() + " chunks of " + m.get().bytes() + " bytes, which are not all stored");
      }
    }
    throw new ConcurrentUpdateException(where(Keys.FLEET, Keys.TRACKERS), config.maxAttempts(),
        new IllegalStateException("the snapshot was replaced during every read"));
  }

  /** The current tracker manifest. */
  private record Manifest(String generation, int chunks, long bytes, long version) {}

  private Optional<Manifest> manifest() {
    return read(Keys.FLEET, Keys.TRACKERS).map(item -> {
      if (item.generation == null || item.chunks == null || item.bytes == null || item.version == null) {
        throw new CorruptStoreException(where(item), "a tracker manifest needs generation, chunks, bytes, version");
      }
      return new Manifest(item.generation, item.chunks, item.bytes, item.version);
    });
  }

  /** The snapshot of {@code m}; empty when its chunks are (no longer) all there. */
  private Optional<TrackersSnapshot> readSnapshot(Manifest m) {
    ByteArrayOutputStream gz = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, m.bytes()));
    int seen = 0;
    for (StoreItem chunk : query(QueryConditional.sortBeginsWith(
        k(Keys.FLEET, Keys.trackersChunkPrefix(m.generation()))))) {
      if (!Keys.trackersChunk(m.generation(), seen).equals(chunk.sk) || chunk.data == null) {
        return Optional.empty();
      }
      gz.writeBytes(chunk.data.asByteArray());
      seen++;
    }
    if (seen != m.chunks() || gz.size() != m.bytes()) {
      return Optional.empty();
    }
    String location = where(Keys.FLEET, Keys.TRACKERS);
    String json;
    try {
      json = gunzip(gz.toByteArray());
    } catch (IOException e) {
      throw new CorruptStoreException(location, "generation " + m.generation() + " does not decompress: " + e, e);
    }
    try {
      return Optional.of(StoreJson.read(json, TrackersSnapshot.class));
    } catch (IllegalArgumentException e) {
      throw new CorruptStoreException(location, e.getMessage(), e);
    }
  }

  private int chunkCount(int bytes) {
    return Math.max(1, (bytes + CHUNK_BYTES - 1) / CHUNK_BYTES);
  }

  /** Writes {@code gz} as chunk items of a fresh generation, which nothing references yet. */
  private String writeChunks(byte[] gz) {
    if (gz.length > config.maxTrackersBytes()) {
      throw new IllegalArgumentException("tracker snapshot must be at most " + config.maxTrackersBytes()
          + " bytes after gzip (DynamoDbConfig.maxTrackersBytes) but was " + gz.length);
    }
    String generation = UUID.randomUUID().toString();
    int count = chunkCount(gz.length);
    try {
      for (int i = 0; i < count; i++) {
        int from = i * CHUNK_BYTES;
        StoreItem chunk = StoreItem.key(Keys.FLEET, Keys.trackersChunk(generation, i));
        chunk.data = SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(gz, from,
            Math.min(gz.length, from + CHUNK_BYTES)));
        plain.putItem(chunk);
      }
    } catch (RuntimeException e) {
      deleteChunks(generation, count);
      throw e;
    }
    return generation;
  }

  /** Best effort: a chunk left behind is never read, so a failure here only costs space. */
  private void deleteChunks(String generation, int count) {
    for (int i = 0; i < count; i++) {
      try {
        plain.deleteItem(k(Keys.FLEET, Keys.trackersChunk(generation, i)));
      } catch (RuntimeException e) {
        LOG.warn("Cannot delete unreferenced tracker chunk {} of table {}: {}",
            Keys.trackersChunk(generation, i), config.tableName(), e.toString());
      }
    }
  }

  static byte[] gzip(String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: cannot happen
    }
    return out.toByteArray();
  }

  static String gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return new String(z.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  /** Marks the store closed (later operations throw IllegalStateException); the client stays open. Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "DynamoDbCalibrationStore[" + config.tableName() + "]";
  }

  // ---- items -----------------------------------------------------------------------------------------------------

  /** Unconditional overwrite of {@code doc} that still moves the version on, so in-flight updates notice it. */
  private void overwrite(String pk, String sk, String doc) {
    client.updateItem(b -> b.tableName(config.tableName())
        .key(rawKey(pk, sk))
        .updateExpression("SET #d = :d, #v = if_not_exists(#v, :zero) + :one")
        .expressionAttributeNames(Map.of("#d", Keys.DOC, "#v", Keys.VERSION))
        .expressionAttributeValues(Map.of(":d", s(doc), ":zero", n(0), ":one", n(1))));
  }

  private <T> T readModifyWrite(String pk, String sk, Class<T> type, Function<T, String> clusterOf,
      String clusterId, Function<Optional<T>, T> update) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      if (attempt > 1 && !Backoff.pause(config, attempt)) {
        break;
      }
      Optional<StoreItem> current = read(pk, sk);
      Optional<T> before = current.map(item -> parseDoc(item, type, clusterOf, clusterId));
      T next = Checks.required("update result", update.apply(before));
      sameCluster(clusterId, clusterOf.apply(next));
      StoreItem item = StoreItem.key(pk, sk);
      item.doc = StoreJson.write(next);
      item.version = current.map(c -> c.version).orElse(null);
      try {
        writeIfUnchanged(item);
        return next;
      } catch (StaleWriteException e) {
        conflicts.incrementAndGet();
        last = e;
      }
    }
    throw new ConcurrentUpdateException(where(pk, sk), config.maxAttempts(), last);
  }

  /**
   * Writes {@code item} only if the stored version is still {@code item.version} (absent when null); the
   * extension sets the new version.
   *
   * @throws StaleWriteException when the item changed since it was read
   */
  private void writeIfUnchanged(StoreItem item) {
    try {
      versioned.putItem(PutItemEnhancedRequest.builder(StoreItem.class).item(item).build());
    } catch (ConditionalCheckFailedException e) {
      throw new StaleWriteException(where(item), e);
    }
  }

  private void register(String clusterId) {
    if (registered.contains(clusterId)) {
      return;
    }
    // Registered before the calibration is written, so calibrations() never misses a stored one.
    plain.putItem(StoreItem.key(Keys.CLUSTERS, Keys.cluster(clusterId)));
    registered.add(clusterId);
  }

  private Optional<StoreItem> read(String pk, String sk) {
    return Optional.ofNullable(plain.getItem(GetItemEnhancedRequest.builder().key(k(pk, sk)).consistentRead(true)
        .build()));
  }

  private Iterable<StoreItem> query(QueryConditional condition) {
    return plain.query(QueryEnhancedRequest.builder().queryConditional(condition).consistentRead(true).build())
        .items();
  }

  private <T> T parseDoc(StoreItem item, Class<T> type, @Nullable Function<T, String> clusterOf,
      @Nullable String clusterId) {
    if (item.doc == null) {
      throw new CorruptStoreException(where(item), "no '" + Keys.DOC + "' attribute");
    }
    T value;
    try {
      value = StoreJson.read(item.doc, type);
    } catch (IllegalArgumentException e) {
      throw new CorruptStoreException(where(item), e.getMessage(), e);
    }
    if (clusterOf != null && clusterId != null && !clusterId.equals(clusterOf.apply(value))) {
      throw new CorruptStoreException(where(item),
          "holds cluster_id '" + clusterOf.apply(value) + "', which does not belong under this key");
    }
    return value;
  }

  private static void sameCluster(String expected, String actual) {
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          "update must return a record of cluster_id '" + expected + "' but returned one of '" + actual + "'");
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed");
    }
  }

  private String where(StoreItem item) {
    return where(String.valueOf(item.pk), String.valueOf(item.sk));
  }

  private String where(String pk, String sk) {
    return config.tableName() + ":" + Keys.describe(pk, sk);
  }

  static Key k(String pk, @Nullable String sk) {
    return sk == null ? Key.builder().partitionValue(pk).build() : Key.builder().partitionValue(pk).sortValue(sk)
        .build();
  }

  static Map<String, AttributeValue> rawKey(String pk, String sk) {
    return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
  }

  static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  static AttributeValue n(long value) {
    return AttributeValue.builder().n(Long.toString(value)).build();
  }
}
