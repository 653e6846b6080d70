package io.vgac.dynamodb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The single-table layout: attribute names and the {@code PK}/{@code SK} values of every item kind. */
final class Keys {
  private Keys() {}

  static final String PK = "PK";
  static final String SK = "SK";
  static final String DOC = "doc";
  static final String VERSION = "version";
  static final String TTL = "ttl";
  static final String DATA = "data";
  static final String GENERATION = "generation";
  static final String CHUNKS = "chunks";
  static final String BYTES = "bytes";
  static final String STATUS = "status";
  static final String SEQ = "seq";

  static final String CLUSTER_PREFIX = "CLUSTER#";
  static final String CALIBRATION = "CALIBRATION";
  static final String PROFILE = "PROFILE";
  static final String PREDICTION_PREFIX = "PREDICTION#";
  /** The registry of clusters with a calibration, so listing them is one query rather than a table scan. */
  static final String CLUSTERS = "CLUSTERS";
  static final String FLEET = "FLEET";
  static final String TRACKERS = "TRACKERS";
  static final String APPROVALS = "APPROVALS";
  static final String APPROVAL_PREFIX = "APPROVAL#";
  static final String SEQUENCE = "SEQUENCE";

  /**
   * Longest cluster id in UTF-8 bytes: the registry's sort key {@code CLUSTER#{id}} must stay within DynamoDB's
   * 1,024-byte limit for a sort key.
   */
  static final int MAX_CLUSTER_ID_BYTES = 1024 - CLUSTER_PREFIX.length();

  /** Earliest and latest prediction timestamps: the years a fixed-width ISO key can hold. */
  static final Instant MIN_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
  static final Instant MAX_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999999999Z");
  // Fixed width (9 fraction digits) so that key order is time order; Instant.toString() drops zero fractions.
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  static String cluster(String clusterId) {
    int bytes = clusterId.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_CLUSTER_ID_BYTES) {
      throw new IllegalArgumentException("cluster_id must be at most " + MAX_CLUSTER_ID_BYTES
          + " UTF-8 bytes in the DynamoDB store (the key limit) but was " + bytes + " bytes");
    }
    return CLUSTER_PREFIX + clusterId;
  }

  static String prediction(Instant timestamp) {
    if (timestamp.isBefore(MIN_TIMESTAMP) || timestamp.isAfter(MAX_TIMESTAMP)) {
      throw new IllegalArgumentException("timestamp must be in [" + MIN_TIMESTAMP + ", " + MAX_TIMESTAMP
          + "] in the DynamoDB store (a sortable key) but was " + timestamp);
    }
    return PREDICTION_PREFIX + SORTABLE.format(timestamp);
  }

  static String trackersChunk(String generation, int index) {
    return TRACKERS + "#" + generation + "#" + String.format("%05d", index);
  }

  static String trackersChunkPrefix(String generation) {
    return TRACKERS + "#" + generation + "#";
  }

  static String approval(String id) {
    return APPROVAL_PREFIX + id;
  }

  static String describe(String pk, String sk) {
    return pk + "/" + sk;
  }
}
