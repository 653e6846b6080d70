package io.vgac.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vgac.agents.store.CalibrationRecord;
import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.PredictionRecord;
import io.vgac.agents.store.ProfileRecord;
import io.vgac.agents.store.ProfileSketch;
import io.vgac.agents.store.WaitQuantiles;
import io.vgac.calibration.tracker.EnvironmentTrackers;
import io.vgac.calibration.tracker.TrackerConfig;
import io.vgac.calibration.tracker.TrackerListener;
import io.vgac.calibration.tracker.TrackersSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CalibrationStore} must show. An implementation's test extends this class and says how
 * to make a store ({@link #createStore}) and, for a durable one, how to reopen it ({@link #reopen}); every round trip
 * here goes through {@code reopen}, so a durable store is checked to keep what it acknowledged.
 *
 * <p>Covered: round trips of each item (NaN "not known yet" values included), overwrite, missing keys, cluster ids
 * that are awkward as file names or keys, half-open time-range queries, expiry on an injected clock (also across a
 * reopen), the tracker fleet snapshot, 8 concurrent writers losing nothing, and rejection of bad arguments.
 */
public abstract class CalibrationStoreContract {
  /** Writes per thread in the concurrency test; kept small so a store that forces every write stays fast. */
  protected static final int WRITES_PER_THREAD = 40;
  protected static final int THREADS = 8;

  protected static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  /** The store's clock; tests move it. */
  protected final ManualClock clock = new ManualClock(T0);
  /** The store under test, made fresh for every test and closed after it. */
  protected CalibrationStore store;

  /** A new, empty store whose prediction expiry is judged by {@code clock}. */
  protected abstract CalibrationStore createStore(Clock clock);

  /**
   * The same store after a restart: a durable store closes {@code store} and opens its location again. The default
   * (for stores without durability) returns {@code store} itself.
   */
  protected CalibrationStore reopen(CalibrationStore store, Clock clock) {
    return store;
  }

  @BeforeEach
  void createStoreUnderTest() {
    store = createStore(clock);
  }

  @AfterEach
  void closeStoreUnderTest() {
    store.close();
  }

  /** Reopens the store under test (see {@link #reopen}) and keeps the new instance. */
  protected final CalibrationStore restart() {
    store = reopen(store, clock);
    return store;
  }

  // ---- calibration ------------------------------------------------------------------------------------------------

  @Test
  void calibrationRoundTrips() {
    CalibrationRecord rec = calibration("eks-prod", 0.031, 1200);
    store.putCalibration(rec);
    assertThat(store.calibration("eks-prod")).contains(rec);
    assertThat(restart().calibration("eks-prod")).contains(rec);
  }

  @Test
  void calibrationWithUnknownEceRoundTripsAsNaN() {
    CalibrationRecord rec = new CalibrationRecord("slurm-a100", "slurm", Double.NaN, Double.NaN, 0, 0, false,
        true, T0);
    store.putCalibration(rec);
    CalibrationRecord back = restart().calibration("slurm-a100").orElseThrow();
    assertThat(back.currentEce()).isNaN();
    assertThat(back.lastKnownGoodEce()).isNaN();
    assertThat(back).isEqualTo(rec);
  }

  @Test
  void putCalibrationOverwrites() {
    store.putCalibration(calibration("eks-prod", 0.03, 100));
    CalibrationRecord newer = calibration("eks-prod", 0.09, 250);
    store.putCalibration(newer);
    assertThat(store.calibration("eks-prod")).contains(newer);
    assertThat(restart().calibration("eks-prod")).contains(newer);
    assertThat(store.calibrations()).containsExactly(newer);
  }

  @Test
  void calibrationsListsEveryClusterOrderedById() {
    List<String> ids = List.of("slurm-a100", "eks-prod", "batch/spot.us-east-1", "Ärger cluster", "a", "A");
    for (String id : ids) {
      store.putCalibration(calibration(id, 0.02, 10));
    }
    List<String> expected = ids.stream().sorted().toList();
    assertThat(store.calibrations()).extracting(CalibrationRecord::clusterId).containsExactlyElementsOf(expected);
    assertThat(restart().calibrations()).extracting(CalibrationRecord::clusterId)
        .containsExactlyElementsOf(expected);
    for (String id : ids) {
      assertThat(store.calibration(id)).get().extracting(CalibrationRecord::clusterId).isEqualTo(id);
    }
  }

  // ---- profile ----------------------------------------------------------------------------------------------------

  @Test
  void profileRoundTripsAndOverwrites() {
    ProfileRecord first = new ProfileRecord("eks-prod", 12.5, 0.82, List.of(9, 10, 14), 35.0);
    store.putProfile(first);
    assertThat(restart().profile("eks-prod")).contains(first);
    ProfileRecord second = new ProfileRecord("eks-prod", 3, 0.4, List.of(), 4.5);
    store.putProfile(second);
    assertThat(restart().profile("eks-prod")).contains(second);
    assertThat(store.calibration("eks-prod")).as("a profile is not a calibration").isEmpty();
  }

  @Test
  void learnedProfileFieldsRoundTrip() {
    Instant at = Instant.parse("2026-01-05T10:00:00Z");
    long[] counts = new long[24];
    double[] seconds = new double[24];
    counts[14] = 3;
    seconds[14] = 5400.5;
    ProfileRecord learned = new ProfileRecord("learned", 7.25, 0.61, List.of(14), 30.0, at,
        new WaitQuantiles(3, 30.0, 80.5, 90.0, 95.25),
        new ProfileSketch(12, 87.0, 12, 7.32, counts, seconds, "AAECAw==", at.minusSeconds(60)));
    store.putProfile(learned);
    assertThat(restart().profile("learned")).contains(learned);
    ProfileRecord plain = new ProfileRecord("plain", 1, 0.5, List.of(), 2);
    store.putProfile(plain);
    ProfileRecord back = restart().profile("plain").orElseThrow();
    assertThat(back).isEqualTo(plain);
    assertThat(back.updatedAt()).as("optional fields stay absent").isNull();
    assertThat(back.waitQuantiles()).isNull();
    assertThat(back.sketch()).isNull();
  }

  // ---- missing keys -----------------------------------------------------------------------------------------------

  @Test
  void missingKeysAreEmpty() {
    assertThat(store.calibration("nowhere")).isEmpty();
    assertThat(store.profile("nowhere")).isEmpty();
    assertThat(store.calibrations()).isEmpty();
    assertThat(store.predictions("nowhere", Instant.MIN, Instant.MAX)).isEmpty();
    assertThat(store.loadTrackers()).isEmpty();
    store.putCalibration(calibration("eks-prod", 0.02, 10));
    assertThat(restart().calibration("eks-pro")).isEmpty();
    assertThat(store.profile("eks-prod")).isEmpty();
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).isEmpty();
  }

  // ---- predictions ------------------------------------------------------------------------------------------------

  @Test
  void predictionsAreQueriedByClusterAndHalfOpenRangeOldestFirst() {
    List<PredictionRecord> eks = new ArrayList<>();
    for (int i = 9; i >= 0; i--) { // appended newest first: the answer must still be ordered
      PredictionRecord p = PredictionRecord.scored("eks-prod", T0.plusSeconds(60L * i), "job-" + i, 10 + i,
          12 + i, 0.8);
      eks.add(0, p);
      store.appendPrediction(p);
      store.appendPrediction(PredictionRecord.scored("slurm-a100", T0.plusSeconds(60L * i), "other-" + i, 1, 2,
          0.5));
    }
    PredictionRecord pending = PredictionRecord.pending("eks-prod", T0.plusMillis(30_500), "job-pending", 7, 0.6);
    store.appendPrediction(pending);
    restart();

    assertThat(store.predictions("eks-prod", T0, T0.plusSeconds(600)))
        .hasSize(11).containsSubsequence(eks).contains(pending).isSortedAccordingTo(
            (a, b) -> a.timestamp().compareTo(b.timestamp()));
    assertThat(store.predictions("eks-prod", T0.plusSeconds(120), T0.plusSeconds(300)))
        .as("[from, to): from included, to excluded").containsExactlyElementsOf(eks.subList(2, 5));
    assertThat(store.predictions("eks-prod", T0.plusSeconds(120), T0.plusSeconds(120))).isEmpty();
    assertThat(store.predictions("eks-prod", T0.plusSeconds(30), T0.plusSeconds(31)))
        .as("sub-second timestamps").containsExactly(pending);
    PredictionRecord back = store.predictions("eks-prod", T0.plusSeconds(30), T0.plusSeconds(31)).get(0);
    assertThat(back.actualWait()).isNaN();
    assertThat(back.error()).isNaN();
    assertThat(store.predictions("slurm-a100", Instant.MIN, Instant.MAX)).hasSize(10)
        .allSatisfy(p -> assertThat(p.clusterId()).isEqualTo("slurm-a100"));
  }

  @Test
  void aPredictionAtTheSameInstantReplacesTheEarlierOne() {
    store.appendPrediction(PredictionRecord.pending("eks-prod", T0, "job-1", 10, 0.7));
    PredictionRecord scored = PredictionRecord.scored("eks-prod", T0, "job-1", 10, 14, 0.7);
    store.appendPrediction(scored);
    assertThat(restart().predictions("eks-prod", T0, T0.plusSeconds(1))).containsExactly(scored);
  }

  @Test
  void expiredPredictionsAreNeverReturned() {
    PredictionRecord old = PredictionRecord.scored("eks-prod", T0, "job-old", 5, 6, 0.9);
    PredictionRecord young = PredictionRecord.scored("eks-prod", T0.plus(Duration.ofDays(10)), "job-young", 5, 6,
        0.9);
    PredictionRecord shortLived = new PredictionRecord("eks-prod", T0.plusSeconds(5), "job-short", 1, 1, 0.5, 0, 0,
        T0.plusSeconds(65));
    store.appendPrediction(old);
    store.appendPrediction(young);
    store.appendPrediction(shortLived);
    Instant from = T0.minusSeconds(1);
    Instant to = T0.plus(Duration.ofDays(11));
    assertThat(store.predictions("eks-prod", from, to)).containsExactly(old, shortLived, young);

    clock.set(T0.plusSeconds(65)); // exactly at expires_at: expired
    assertThat(store.predictions("eks-prod", from, to)).containsExactly(old, young);

    clock.set(T0.plus(PredictionRecord.DEFAULT_TIME_TO_LIVE).minusMillis(1));
    assertThat(restart().predictions("eks-prod", from, to)).containsExactly(old, young);

    clock.set(T0.plus(PredictionRecord.DEFAULT_TIME_TO_LIVE));
    assertThat(store.predictions("eks-prod", from, to)).containsExactly(young);
    assertThat(restart().predictions("eks-prod", from, to)).containsExactly(young);

    clock.set(T0.plus(Duration.ofDays(41)));
    assertThat(store.predictions("eks-prod", from, to)).isEmpty();
  }

  @Test
  void appendingAnAlreadyExpiredPredictionIsRefused() {
    clock.set(T0.plus(Duration.ofDays(31)));
    PredictionRecord stale = PredictionRecord.scored("eks-prod", T0, "job-1", 5, 6, 0.9);
    assertThatThrownBy(() -> store.appendPrediction(stale))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expires_at");
    assertThat(store.predictions("eks-prod", Instant.MIN, Instant.MAX)).isEmpty();
  }

  @Test
  void aRangeEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> store.predictions("eks-prod", T0, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to must not be before from");
  }

  // ---- tracker snapshot -------------------------------------------------------------------------------------------

  @Test
  void trackerSnapshotRoundTripsAndRestoresTheFleet() {
    TrackerConfig config = TrackerConfig.builder().windowSize(200).bootstrapResamples(20).noiseResamples(20).build();
    long[] now = {T0.toEpochMilli()};
    EnvironmentTrackers fleet = new EnvironmentTrackers(config, () -> now[0], TrackerListener.NONE);
    Random rnd = new Random(7);
    for (int i = 0; i < 600; i++) {
      double p = rnd.nextDouble();
      fleet.update("eks-prod", p, rnd.nextDouble() < p ? 1 : 0);
      fleet.update("slurm-a100", p, rnd.nextDouble() < 0.3 ? 1 : 0);
      now[0] += 1000;
    }
    TrackersSnapshot first = fleet.snapshot();
    store.saveTrackers(first);
    assertThat(restart().loadTrackers()).contains(first);

    fleet.update("batch-spot", 0.4, 1);
    TrackersSnapshot second = fleet.snapshot();
    store.saveTrackers(second);
    TrackersSnapshot back = restart().loadTrackers().orElseThrow();
    assertThat(back).isEqualTo(second);
    EnvironmentTrackers restored = EnvironmentTrackers.restore(back, config, () -> now[0], TrackerListener.NONE);
    assertThat(restored.states()).isEqualTo(fleet.states());
  }

  // ---- concurrency ------------------------------------------------------------------------------------------------

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < WRITES_PER_THREAD; i++) {
            // Own keys (none may be lost), a shared cluster's predictions (distinct instants) and a contended key.
            store.putCalibration(calibration("cluster-" + thread + "-" + i, 0.01, i));
            store.appendPrediction(PredictionRecord.scored("shared",
                T0.plusMillis((long) i * THREADS + thread), "job-" + thread + "-" + i, i, i + 1, 0.5));
            store.putProfile(new ProfileRecord("contended", thread, 0.5, List.of(thread), i));
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
    for (int pass = 0; pass < 2; pass++) {
      CalibrationStore s = pass == 0 ? store : restart();
      assertThat(s.calibrations()).hasSize(THREADS * WRITES_PER_THREAD);
      for (int t = 0; t < THREADS; t++) {
        for (int i = 0; i < WRITES_PER_THREAD; i++) {
          assertThat(s.calibration("cluster-" + t + "-" + i)).get()
              .extracting(CalibrationRecord::sampleCount).isEqualTo((long) i);
        }
      }
      List<PredictionRecord> shared = s.predictions("shared", Instant.MIN, Instant.MAX);
      assertThat(shared).hasSize(THREADS * WRITES_PER_THREAD);
      assertThat(shared).extracting(PredictionRecord::jobId).doesNotHaveDuplicates();
      ProfileRecord last = s.profile("contended").orElseThrow();
      assertThat(last.typicalWaitMinutes()).as("some writer's last write wins").isEqualTo(WRITES_PER_THREAD - 1);
    }
  }

  // ---- rejection --------------------------------------------------------------------------------------------------

  @Test
  void badRecordsAreRejectedNamingFieldAndValue() {
    assertThatThrownBy(() -> new CalibrationRecord(" ", "slurm", 0.1, 0.1, 0.9, 1, false, false, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cluster_id must not be blank but was ' '");
    assertThatThrownBy(() -> new CalibrationRecord("c", "slurm", 1.5, 0.1, 0.9, 1, false, false, T0))
        .hasMessage("current_ece must be in [0,1] or NaN (unknown) but was 1.5");
    assertThatThrownBy(() -> new CalibrationRecord("c", "slurm", 0.1, 0.1, Double.NaN, 1, false, false, T0))
        .hasMessage("calibration_score must be in [0,1] but was NaN");
    assertThatThrownBy(() -> new CalibrationRecord("c", "slurm", 0.1, 0.1, 0.9, -3, false, false, T0))
        .hasMessage("sample_count must be ≥ 0 but was -3");
    assertThatThrownBy(() -> new ProfileRecord("c", 1, 0.5, List.of(3, 24), 1))
        .hasMessage("peak_hours[1] must be an hour in [0,23] but was 24");
    assertThatThrownBy(() -> new ProfileRecord("c", -1, 0.5, List.of(), 1))
        .hasMessage("avg_queue_depth must be finite and ≥ 0 but was -1.0");
    assertThatThrownBy(() -> new PredictionRecord("c", T0, "j", 1, 2, 0.5, 1, 1, T0))
        .hasMessageStartingWith("expires_at must be after timestamp");
    assertThatThrownBy(() -> new PredictionRecord("c", T0, "j", 1, Double.NaN, 0.5, 1, 1, T0.plusSeconds(1)))
        .hasMessageContaining("must be NaN while actual_wait is unknown");
    assertThatThrownBy(() -> PredictionRecord.scored("c", T0, "j", 1, 2, 1.2))
        .hasMessage("confidence must be in [0,1] but was 1.2");
  }

  @Test
  void storeRejectsMissingArgumentsAndBlankIds() {
    assertThatThrownBy(() -> store.calibration(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster_id");
    assertThatThrownBy(() -> store.profile("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster_id");
    assertThatThrownBy(() -> store.predictions("", T0, T0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.putCalibration(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.saveTrackers(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.calibrations()).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------------------------

  /** A valid calibration record for {@code clusterId}. */
  protected static CalibrationRecord calibration(String clusterId, double ece, long samples) {
    return new CalibrationRecord(clusterId, "kubernetes", ece, 0.02, 0.9, samples, ece > 0.08, samples < 200, T0);
  }

  /** A clock that stands still until a test moves it. */
  public static final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) {
      this.now = start;
    }

    public void set(Instant instant) {
      now = instant;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
