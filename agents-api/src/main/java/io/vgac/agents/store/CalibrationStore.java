package io.vgac.agents.store;

import io.vgac.calibration.tracker.TrackersSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the agents keep calibration state between runs and across replicas: per cluster the calibration state, the
 * profile and the recent scored predictions, plus the whole tracker fleet as one snapshot.
 *
 * <p>The operations map one to one onto the single-table DynamoDB layout of the design (keys {@code PK}/{@code SK},
 * {@code CLUSTER#{id}} with {@code CALIBRATION}, {@code PROFILE} and {@code PREDICTION#{iso timestamp}}, TTL
 * attribute {@code ttl}), so the DynamoDB adapter implements this same interface. Embedded defaults:
 * {@link InMemoryCalibrationStore} and the durable {@link FileCalibrationStore}.
 *
 * <p>Every implementation:
 * <ul>
 *   <li>is thread-safe; a write that returned is visible to every later read (of this store and, for durable stores,
 *       of a store reopened on the same location);
 *   <li>answers a read of a missing key with {@link Optional#empty()} (or an empty list), never null or a placeholder;
 *   <li>overwrites on put (last writer wins), keyed by cluster id — and, for predictions, by cluster id and
 *       timestamp;
 *   <li>never returns an expired prediction ({@link PredictionRecord#isExpiredAt} at the store's clock), whether or
 *       not it has been physically deleted yet (DynamoDB deletes expired items lazily);
 *   <li>reports storage failures as unchecked exceptions ({@link java.io.UncheckedIOException} for I/O,
 *       {@link CorruptStoreException} for data it cannot trust) rather than returning wrong data.
 * </ul>
 * The behaviour is pinned down by {@code io.vgac.testkit.CalibrationStoreContract}, which every implementation's
 * test extends.
 */
public interface CalibrationStore extends AutoCloseable {

  /** Stores {@code record} as the calibration state of {@code record.clusterId()}, replacing any earlier one. */
  void putCalibration(CalibrationRecord record);

  /** The calibration state of {@code clusterId}; empty when none was stored. */
  Optional<CalibrationRecord> calibration(String clusterId);

  /** Every cluster's calibration state, ordered by cluster id. */
  List<CalibrationRecord> calibrations();

  /** Stores {@code profile} as the profile of {@code profile.clusterId()}, replacing any earlier one. */
  void putProfile(ProfileRecord profile);

  /** The profile of {@code clusterId}; empty when none was stored. */
  Optional<ProfileRecord> profile(String clusterId);

  /**
   * Adds a prediction; one already stored for the same cluster and timestamp is replaced.
   *
   * @throws IllegalArgumentException when {@code prediction} has already expired at the store's clock (DynamoDB
   *     would accept it but never return it; refusing says so at once)
   */
  void appendPrediction(PredictionRecord prediction);

  /**
   * The unexpired predictions of {@code clusterId} whose timestamp is in {@code [from, to)}, oldest first.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  List<PredictionRecord> predictions(String clusterId, Instant from, Instant to);

  /** Stores the tracker fleet's state (as JSON), replacing the previous snapshot. */
  void saveTrackers(TrackersSnapshot snapshot);

  /** The last saved tracker fleet state; empty when none was saved. */
  Optional<TrackersSnapshot> loadTrackers();

  /** Releases what the store holds (files, locks, clients); nothing by default. Operations after close may fail. */
  @Override
  default void close() {}
}
