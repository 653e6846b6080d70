package io.vgac.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import io.vgac.calibration.tracker.TrackersSnapshot;
import io.vgac.testkit.CalibrationStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The SPI contract on dynalite (every test gets a fresh table; {@code reopen} is a new store on the same table),
 * plus what sharing one table between replicas adds: no lost update under concurrent read-modify-writes, stale
 * writes retried from fresh state, the item layout and {@code ttl}, the 400 KB item limit, reopening.
 */
class DynamoDbCalibrationStoreTest extends CalibrationStoreContract {
  @RegisterExtension
  static final DynaliteServer DYNALITE = new DynaliteServer();

  private String table = "";

  @Override
  protected CalibrationStore createStore(Clock clock) {
    table = DYNALITE.freshTable();
    return new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
  }

  @Override
  protected CalibrationStore reopen(CalibrationStore store, Clock clock) {
    store.close();
    return new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
  }

  private DynamoDbConfig config() {
    return DynamoDbConfig.builder().tableName(table).build();
  }

  private DynamoDbCalibrationStore dynamo() {
    return (DynamoDbCalibrationStore) store;
  }

  private Map<String, AttributeValue> rawItem(String pk, String sk) {
    return DYNALITE.client().getItem(b -> b.tableName(table).consistentRead(true)
        .key(DynamoDbCalibrationStore.rawKey(pk, sk))).item();
  }

  // ---- optimistic locking ----------------------------------------------------------------------------------------

  @Test
  void twoReplicasIncrementingConcurrentlyLoseNoUpdate() throws Exception {
    int threadsPerReplica = 4;
    int incrementsPerThread = 10;
    try (DynamoDbClient otherClient = DYNALITE.newClient()) {
      DynamoDbCalibrationStore replicaA = dynamo();
      DynamoDbCalibrationStore replicaB = new DynamoDbCalibrationStore(otherClient, config(), clock);
      ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerReplica);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerReplica; t++) {
          DynamoDbCalibrationStore replica = t % 2 == 0 ? replicaA : replicaB;
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < incrementsPerThread; i++) {
              replica.updateCalibration("shared", current -> withSamples(current, 1));
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      long expected = 2L * threadsPerReplica * incrementsPerThread;
      assertThat(replicaB.calibration("shared")).get().extracting(CalibrationRecord::sampleCount).isEqualTo(expected);
      assertThat(restart().calibration("shared")).get().extracting(CalibrationRecord::sampleCount)
          .isEqualTo(expected);
      assertThat(rawItem("CLUSTER#shared", "CALIBRATION").get("version").n())
          .as("one version per successful write").isEqualTo(Long.toString(expected));
      System.out.printf("[measure] %d concurrent increments from 2 replicas x %d threads: %d conflicts retried%n",
          expected, threadsPerReplica, replicaA.conflictRetries() + replicaB.conflictRetries());
    }
  }

  @Test
  void aStaleWriteIsRetriedFromFreshStateAndABlindPutInBetweenIsNotOverwritten() {
    DynamoDbCalibrationStore replicaA = dynamo();
    DynamoDbCalibrationStore replicaB = new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
    replicaA.putCalibration(calibration("eks-prod", 0.02, 10));
    List<Long> seen = new ArrayList<>();
    CalibrationRecord written = replicaA.updateCalibration("eks-prod", current -> {
      seen.add(current.orElseThrow().sampleCount());
      if (seen.size() == 1) {
        // Another replica writes between this read and its conditional write.
        replicaB.putCalibration(calibration("eks-prod", 0.02, 100));
      }
      return withSamples(current, 1);
    });
    assertThat(seen).as("recomputed from the other replica's value").containsExactly(10L, 100L);
    assertThat(written.sampleCount()).isEqualTo(101);
    assertThat(replicaB.calibration("eks-prod")).contains(written);
    assertThat(replicaA.conflictRetries()).isEqualTo(1);
  }

  @Test
  void anUpdateThatLosesEveryRaceThrowsAndWritesNothing() {
    table = DYNALITE.freshTable();
    DynamoDbConfig config = DynamoDbConfig.builder().tableName(table).maxAttempts(3)
        .initialBackoff(Duration.ZERO).build();
    DynamoDbCalibrationStore replicaA = new DynamoDbCalibrationStore(DYNALITE.client(), config, clock);
    DynamoDbCalibrationStore replicaB = new DynamoDbCalibrationStore(DYNALITE.client(), config, clock);
    AtomicInteger interference = new AtomicInteger();
    assertThatThrownBy(() -> replicaA.updateProfile("eks-prod", current -> {
      int n = interference.incrementAndGet();
      replicaB.putProfile(new ProfileRecord("eks-prod", n, 0.5, List.of(), 1));
      return new ProfileRecord("eks-prod", 999, 0.5, List.of(), 1);
    })).isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e.itemKey()).isEqualTo(table + ":CLUSTER#eks-prod/PROFILE");
      assertThat(e).hasMessageContaining("nothing was written");
    });
    assertThat(replicaB.profile("eks-prod")).get().extracting(ProfileRecord::avgQueueDepth).isEqualTo(3.0);
  }

  @Test
  void anUpdateOfAnotherClustersRecordIsRefused() {
    assertThatThrownBy(() -> dynamo().updateCalibration("eks-prod", c -> calibration("slurm", 0.01, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster_id 'eks-prod'").hasMessageContaining("'slurm'");
    assertThat(store.calibration("eks-prod")).isEmpty();
  }

  @Test
  void trackerUpdatesFromSeveralReplicasLoseNothing() throws Exception {
    TrackerConfig config = TrackerConfig.builder().windowSize(50).bootstrapResamples(10).noiseResamples(10).build();
    int threads = 4;
    int updatesPerThread = 4;
    try (DynamoDbClient otherClient = DYNALITE.newClient()) {
      DynamoDbCalibrationStore replicaB = new DynamoDbCalibrationStore(otherClient, config(), clock);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          DynamoDbCalibrationStore replica = t % 2 == 0 ? dynamo() : replicaB;
          String env = "env-" + t;
          done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < updatesPerThread; i++) {
              int outcome = i % 2;
              replica.updateTrackers(current -> {
                EnvironmentTrackers fleet = new EnvironmentTrackers(config, T0::toEpochMilli, TrackerListener.NONE);
                current.ifPresent(fleet::restore);
                fleet.update(env, 0.5, outcome);
                return fleet.snapshot();
              });
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    EnvironmentTrackers restored = EnvironmentTrackers.restore(restart().loadTrackers().orElseThrow(), config,
        T0::toEpochMilli, TrackerListener.NONE);
    assertThat(restored.environments()).hasSize(threads);
    for (int t = 0; t < threads; t++) {
      assertThat(restored.state("env-" + t).sampleCount()).as("env-%d", t).isEqualTo(updatesPerThread);
    }
    assertThat(chunkItems()).as("replaced and lost generations are deleted").hasSize(1);
  }

  // ---- layout and ttl --------------------------------------------------------------------------------------------

  @Test
  void itemsFollowTheDesignsLayoutAndTtlIsExpiryInEpochSeconds() {
    store.putCalibration(calibration("eks-prod", 0.03, 10));
    Instant whole = T0;
    Instant fraction = T0.plusMillis(1500);
    store.appendPrediction(PredictionRecord.scored("eks-prod", whole, "job-1", 10, 12, 0.8));
    store.appendPrediction(PredictionRecord.pending("eks-prod", fraction, "job-2", 10, 0.8));

    Map<String, AttributeValue> cal = rawItem("CLUSTER#eks-prod", "CALIBRATION");
    assertThat(cal.get("doc").s()).contains("\"cluster_id\":\"eks-prod\"", "\"sample_count\":10");
    assertThat(cal.get("version").n()).isEqualTo("1");
    assertThat(cal).doesNotContainKey("ttl");
    assertThat(rawItem("CLUSTERS", "CLUSTER#eks-prod")).isNotEmpty();

    long thirtyDays = Duration.ofDays(30).toSeconds();
    Map<String, AttributeValue> p1 = rawItem("CLUSTER#eks-prod", "PREDICTION#2026-01-05T10:00:00.000000000Z");
    assertThat(p1.get("ttl").n()).isEqualTo(Long.toString(T0.getEpochSecond() + thirtyDays));
    assertThat(p1.get("doc").s()).contains("\"job_id\":\"job-1\"");
    Map<String, AttributeValue> p2 = rawItem("CLUSTER#eks-prod", "PREDICTION#2026-01-05T10:00:01.500000000Z");
    assertThat(p2.get("ttl").n()).as("rounded up: never deleted before it expired")
        .isEqualTo(Long.toString(T0.getEpochSecond() + 1 + thirtyDays + 1));
    assertThat(p2.get("doc").s()).contains("\"actual_wait\":\"NaN\"");
  }

  @Test
  void expiredPredictionsStillInTheTableAreNeverReturned() {
    PredictionRecord p = PredictionRecord.scored("eks-prod", T0, "job-1", 10, 12, 0.8);
    store.appendPrediction(p);
    clock.set(T0.plus(Duration.ofDays(30)));
    assertThat(rawItem("CLUSTER#eks-prod", "PREDICTION#2026-01-05T10:00:00.000000000Z"))
        .as("DynamoDB deletes lazily; dynalite never").isNotEmpty();
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).isEmpty();
    clock.set(T0.plus(Duration.ofDays(30)).minusNanos(1));
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).containsExactly(p);
  }

  @Test
  void keysTheTableCannotHoldAreRefusedNamingTheLimit() {
    String longId = "x".repeat(Keys.MAX_CLUSTER_ID_BYTES + 1);
    assertThatThrownBy(() -> store.putCalibration(calibration(longId, 0.01, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1016 UTF-8 bytes");
    String maxId = "é".repeat(Keys.MAX_CLUSTER_ID_BYTES / 2);
    store.putCalibration(calibration(maxId, 0.01, 1));
    assertThat(store.calibrations()).extracting(CalibrationRecord::clusterId).containsExactly(maxId);
    assertThatThrownBy(() -> store.appendPrediction(
        PredictionRecord.pending("c", Instant.parse("+10000-01-01T00:00:00Z"), "j", 1, 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999-12-31T23:59:59.999999999Z");
  }

  // ---- item size -------------------------------------------------------------------------------------------------

  @Test
  void oneItemOverFourHundredKbIsRefusedByDynamoDb() {
    byte[] big = new byte[401 * 1024];
    assertThatThrownBy(() -> DYNALITE.client().putItem(b -> b.tableName(table).item(Map.of(
        "PK", DynamoDbCalibrationStore.s("FLEET"), "SK", DynamoDbCalibrationStore.s("TOO-BIG"),
        "data", AttributeValue.builder().b(SdkBytes.fromByteArray(big)).build()))))
        .isInstanceOf(DynamoDbException.class).hasMessageContaining("Item size");
  }

  @Test
  void aTrackerSnapshotLargerThanOneItemIsChunkedAndRoundTrips() {
    TrackersSnapshot big = largeSnapshot();
    int gz = DynamoDbCalibrationStore.gzip(io.vgac.agents.store.StoreJson.write(big)).length;
    assertThat(gz).as("gzipped size").isGreaterThan(400 * 1024);
    store.saveTrackers(big);
    int chunks = (gz + DynamoDbCalibrationStore.CHUNK_BYTES - 1) / DynamoDbCalibrationStore.CHUNK_BYTES;
    assertThat(chunkItems()).hasSize(chunks);
    assertThat(restart().loadTrackers()).contains(big);

    TrackersSnapshot small = smallSnapshot();
    store.saveTrackers(small);
    assertThat(chunkItems()).as("the replaced generation is deleted").hasSize(1);
    assertThat(store.loadTrackers()).contains(small);
    System.out.printf("[measure] tracker snapshot of %d environments: %d bytes gzipped in %d chunks%n",
        big.environmentIds().size(), gz, chunks);
  }

  @Test
  void aTrackerSnapshotOverTheConfiguredLimitIsRefusedNamingSizeAndLimit() {
    DynamoDbCalibrationStore limited = new DynamoDbCalibrationStore(DYNALITE.client(),
        DynamoDbConfig.builder().tableName(table).maxTrackersBytes(1000).build(), clock);
    TrackersSnapshot snapshot = smallSnapshot();
    assertThatThrownBy(() -> limited.saveTrackers(snapshot)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracker snapshot must be at most 1000 bytes after gzip")
        .hasMessageContaining("maxTrackersBytes");
    assertThat(store.loadTrackers()).isEmpty();
    assertThat(chunkItems()).isEmpty();
  }

  // ---- reopening and tables --------------------------------------------------------------------------------------

  @Test
  void anotherReplicaOnItsOwnClientSeesEverythingWritten() {
    CalibrationRecord cal = calibration("eks-prod", 0.03, 10);
    ProfileRecord profile = new ProfileRecord("eks-prod", 2, 0.5, List.of(9), 3);
    PredictionRecord p = PredictionRecord.scored("eks-prod", T0, "job-1", 10, 12, 0.8);
    TrackersSnapshot trackers = smallSnapshot();
    store.putCalibration(cal);
    store.putProfile(profile);
    store.appendPrediction(p);
    store.saveTrackers(trackers);
    store.close();
    assertThatThrownBy(() -> store.calibrations()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    try (DynamoDbClient other = DYNALITE.newClient()) {
      DynamoDbCalibrationStore reopened = new DynamoDbCalibrationStore(other, config(), clock);
      assertThat(reopened.calibrations()).containsExactly(cal);
      assertThat(reopened.profile("eks-prod")).contains(profile);
      assertThat(reopened.predictions("eks-prod", T0, T0.plusSeconds(1))).containsExactly(p);
      assertThat(reopened.loadTrackers()).contains(trackers);
    }
    store = new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
  }

  @Test
  void tableCreationIsIdempotentAndChecksAnExistingTable() throws Exception {
    String name = "vgac-create-" + System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<TableSetup>> setups = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        setups.add(pool.submit(() -> DynamoDbTables.createIfMissing(DYNALITE.client(), name)));
      }
      List<TableSetup> results = new ArrayList<>();
      for (Future<TableSetup> f : setups) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(results).filteredOn(TableSetup::created).hasSizeLessThanOrEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    TableSetup again = DynamoDbTables.createIfMissing(DYNALITE.client(), name);
    assertThat(again).isEqualTo(new TableSetup(name, false, TableSetup.TimeToLive.NOT_SUPPORTED));
    var description = DYNALITE.client().describeTable(b -> b.tableName(name)).table();
    assertThat(description.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");

    String wrong = "vgac-wrong-keys-" + System.nanoTime();
    DYNALITE.client().createTable(b -> b.tableName(wrong).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build()));
    assertThatThrownBy(() -> DynamoDbTables.createIfMissing(DYNALITE.client(), wrong))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has keys [id S HASH]")
        .hasMessageContaining("PK S HASH, SK S RANGE");
  }

  @Test
  void configFailsFastNamingFieldValueAndRange() {
    assertThat(DynamoDbConfig.ofDefaults().tableName()).isEqualTo("vgac-agentic");
    assertThatThrownBy(() -> DynamoDbConfig.builder().tableName("a b").build())
        .hasMessage("tableName must be 3 to 255 characters of [A-Za-z0-9_.-] but was 'a b'");
    assertThatThrownBy(() -> DynamoDbConfig.builder().maxAttempts(0).build())
        .hasMessage("maxAttempts must be in [1, 1000] but was 0");
    assertThatThrownBy(() -> DynamoDbConfig.builder().initialBackoff(Duration.ofSeconds(2)).build())
        .hasMessageStartingWith("maxBackoff must be in [initialBackoff (PT2S)");
    assertThatThrownBy(() -> DynamoDbConfig.builder().maxTrackersBytes(0).build())
        .hasMessage("maxTrackersBytes must be in [1, 268435456] but was 0");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private static CalibrationRecord withSamples(Optional<CalibrationRecord> current, long add) {
    CalibrationRecord c = current.orElse(calibration("shared", 0.02, 0));
    return new CalibrationRecord(c.clusterId(), c.platform(), c.currentEce(), c.lastKnownGoodEce(),
        c.calibrationScore(), c.sampleCount() + add, c.recalibrationNeeded(), c.learningMode(), c.lastUpdated());
  }

  private List<Map<String, AttributeValue>> chunkItems() {
    return DYNALITE.client().query(b -> b.tableName(table).consistentRead(true)
        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
        .expressionAttributeValues(Map.of(":pk", DynamoDbCalibrationStore.s("FLEET"),
            ":prefix", DynamoDbCalibrationStore.s("TRACKERS#")))
        .projectionExpression("SK")).items();
  }

  private static TrackersSnapshot smallSnapshot() {
    return fleet(2, 100).snapshot();
  }

  private static TrackersSnapshot largeSnapshot() {
    return fleet(60, 1000).snapshot();
  }

  private static EnvironmentTrackers fleet(int environments, int window) {
    TrackerConfig config = TrackerConfig.builder().windowSize(window).bootstrapResamples(5).noiseResamples(5)
        .build();
    EnvironmentTrackers fleet = new EnvironmentTrackers(config, T0::toEpochMilli, TrackerListener.NONE);
    Random rnd = new Random(11);
    for (int e = 0; e < environments; e++) {
      for (int i = 0; i < window; i++) {
        double p = rnd.nextDouble();
        fleet.update("env-" + e, p, rnd.nextDouble() < p ? 1 : 0);
      }
    }
    return fleet;
  }
}
