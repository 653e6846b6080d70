package io.vgac.client;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.agents.gate.EvidenceSource;
import io.vgac.calibration.Interval;
import io.vgac.calibration.policy.AutonomyPolicy;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.policy.TierPolicy;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The platform's own calibration ({@code GET /api/jobs/predict/calibration}) as the gate's {@link EvidenceSource},
 * for when the platform's predictions are scored by the platform rather than by in-process trackers.
 *
 * <table>
 *   <caption>How the answer becomes evidence</caption>
 *   <tr><th>evidence</th><th>from</th></tr>
 *   <tr><td>sample count, ECE</td><td>{@code sample_count}, {@code ece} (null → NaN: the gate escalates)</td></tr>
 *   <tr><td>learning</td><td>fewer samples than the autonomy policy's minimum</td></tr>
 *   <tr><td>score, scope</td><td>the autonomy policy on the ECE and samples, capped by the state below</td></tr>
 *   <tr><td>qualified tier</td><td>the tier policy on the ECE (the gate's policy should be the same)</td></tr>
 *   <tr><td>state</td><td>LEARNING; DRIFTING when {@code recalibration_needed} (at most NOTIFY); else CALIBRATED</td></tr>
 *   <tr><td>observed at</td><td>when the answer was read (so the gate's maximum evidence age applies)</td></tr>
 * </table>
 *
 * <p><b>When the platform cannot answer</b>, {@link #evidence} throws the {@link VgacClientException}: the gate turns
 * a failing source into ESCALATE ("calibration evidence unavailable") and nothing runs. A cluster other than the
 * platform's is unknown (null), which also escalates. An answer is reused for {@link #ttl()} (default
 * {@link #DEFAULT_TTL}) and never after it: a stale cache is not a fallback.
 */
public final class PlatformCalibrationEvidence implements EvidenceSource {
  /** How long one calibration answer is reused. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  private final VgacClient client;
  private final Duration ttl;
  private final AutonomyPolicy autonomy;
  private final TierPolicy tiers;
  private volatile @Nullable Read last;

  private record Read(PlatformCalibration calibration, Instant at) {}

  /** With {@link #DEFAULT_TTL}, the default autonomy policy and the standard tiers. */
  PlatformCalibrationEvidence(VgacClient client) {
    this(client, DEFAULT_TTL, AutonomyPolicy.ofDefaults(), TierPolicy.standard());
  }

  /**
   * @param ttl how long one answer is reused, ≥ 0 (0: read per call)
   * @param autonomy the policy turning ECE and samples into score and scope
   * @param tiers the tier policy (use the gate's)
   */
  public PlatformCalibrationEvidence(VgacClient client, Duration ttl, AutonomyPolicy autonomy, TierPolicy tiers) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be ≥ 0 but was " + ttl);
    }
    this.client = client;
    this.ttl = ttl;
    this.autonomy = autonomy;
    this.tiers = tiers;
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * The evidence of {@code envId}; null when it is not the platform's cluster.
   *
   * @throws VgacClientException when the platform cannot answer (the gate escalates)
   */
  @Override
  public @Nullable CalibrationEvidence evidence(String envId) {
    if (!client.platformClusterId().equals(envId)) {
      return null;
    }
    Instant now = client.clock().instant();
    Read r = last;
    if (r == null || now.isBefore(r.at()) || Duration.between(r.at(), now).compareTo(ttl) >= 0) {
      r = new Read(client.calibration(), now);
      last = r;
    }
    return toEvidence(envId, r.calibration(), r.at());
  }

  /** The evidence that {@code c}, read at {@code at}, gives for {@code envId}. */
  public CalibrationEvidence toEvidence(String envId, PlatformCalibration c, Instant at) {
    long n = c.sampleCount();
    boolean learning = autonomy.isLearning(n);
    TrackerState state = learning ? TrackerState.LEARNING
        : c.recalibrationNeeded() ? TrackerState.DRIFTING : TrackerState.CALIBRATED;
    double score = autonomy.calibrationScore(c.ece()); // NaN for an unknown ECE
    Scope scope = autonomy.scope(score, n, learning).min(state.cap(false));
    int tier = Double.isNaN(c.ece()) ? 0 : tiers.qualifiedTier(c.ece());
    return new CalibrationEvidence(envId, n, learning, score, scope, tier, c.ece(), Interval.undefined(0.95), null,
        state, at);
  }
}
