package io.vgac.calibration.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link EnvironmentTracker#evidence()} agrees with {@link EnvironmentTracker#state()} on every shared field. */
class EnvironmentEvidenceProperties {

  /** Seeded streams: calibrated, then shifted (drift), with an optional recalibration and age limit. */
  @Property(tries = 40)
  void evidenceAgreesWithStateThroughDriftAndRecalibration(
      @ForAll("seeds") long seed, @ForAll("configs") TrackerConfig config) {
    Streams.FakeClock clock = new Streams.FakeClock();
    EnvironmentTracker t = new EnvironmentTracker("slurm-a", config, clock, TrackerListener.NONE);
    assertAgree(t, config);
    double[] p = Streams.pick(Streams.CONCENTRATED, 900, seed);
    int[] calibrated = Streams.outcomes(p, 0, seed);
    int[] shifted = Streams.outcomes(p, 0.25, seed + 1);
    for (int i = 0; i < p.length; i++) {
      clock.now += 1_000;
      t.update(p[i], i < 450 ? calibrated[i] : shifted[i]);
      if (i % 97 == 0 || i == 449 || i == 500) {
        assertAgree(t, config);
      }
      if (i == 700 && seed % 2 == 0) {
        t.recalibrated("isotonic");
        assertAgree(t, config);
      }
    }
    clock.now += 3_600_000; // with a max age, the whole window expires: both views must see the eviction
    assertAgree(t, config);
  }

  @Test
  void theBoundIsReportedOnlyOnceComputedAndNeverBootstrapped() {
    TrackerConfig config = TrackerConfig.builder().qualificationMode(QualificationMode.UPPER_BOUND).build();
    EnvironmentTracker t = new EnvironmentTracker("eks", config, new Streams.FakeClock(), TrackerListener.NONE);
    double[] p = Streams.pick(Streams.CONCENTRATED, 300, 3);
    int[] y = Streams.outcomes(p, 0, 3);
    for (int i = 0; i < p.length; i++) {
      t.update(p[i], y[i]);
    }
    EnvironmentEvidence before = t.evidence();
    assertThat(before.boundKnown()).isFalse();
    assertThat(before.qualifiedTier()).isEmpty();
    assertThat(before.tier().eceUpper()).isNaN();
    // Until a bound is known, the interval is the cheap analytic one (never a bootstrap).
    assertThat(before.windowEceInterval(config.upperBoundLevel())).isEqualTo(before.windowEceAnalyticInterval());
    assertThat(before.windowEceAnalyticInterval().isDefined()).isTrue();

    EnvironmentState s = t.state();
    EnvironmentEvidence after = t.evidence();
    assertThat(after.windowEceBound()).isEqualTo(s.windowEceBound());
    assertThat(after.qualifiedTier()).hasValue(s.tier().tier());
    assertThat(after.tier()).isEqualTo(s.tier());

    t.update(0.05, 0);
    assertThat(t.evidence().boundKnown()).isFalse(); // the cached bound described the previous window
  }

  @Test
  void anUnseenEnvironmentHasTheUnknownStatesEvidence() {
    EnvironmentTrackers fleet = EnvironmentTrackers.ofDefaults();
    EnvironmentEvidence e = fleet.evidence("never-seen");
    assertThat(fleet.size()).isZero();
    assertShared(e, fleet.state("never-seen"));
    assertThat(e.scope()).isEqualTo(Scope.ESCALATE);
  }

  private static void assertAgree(EnvironmentTracker t, TrackerConfig config) {
    EnvironmentEvidence cold = t.evidence(); // before state(): no bound unless free
    EnvironmentState s = t.state();
    EnvironmentEvidence warm = t.evidence(); // after state(): the cached bound is reported
    assertThat(Double.valueOf(t.baselineEce())).isEqualTo(Double.valueOf(s.baselineEce()));
    for (EnvironmentEvidence e : new EnvironmentEvidence[] {cold, warm}) {
      assertShared(e, s);
      assertThat(e.tier().point()).isEqualTo(s.tier().point());
    }
    assertThat(warm.windowEceBound()).isEqualTo(s.windowEceBound());
    assertThat(warm.tier()).isEqualTo(s.tier());
    assertThat(warm.qualifiedTier()).hasValue(s.tier().tier());
    boolean free = s.windowSize() == 0 || config.upperBoundMethod() == UpperBoundMethod.ANALYTIC;
    assertThat(cold.boundKnown()).isEqualTo(free);
    if (config.qualificationMode() == QualificationMode.POINT) {
      assertThat(cold.qualifiedTier()).hasValue(s.tier().tier());
    }
  }

  private static void assertShared(EnvironmentEvidence e, EnvironmentState s) {
    assertThat(e.envId()).isEqualTo(s.envId());
    assertThat(e.sampleCount()).isEqualTo(s.sampleCount());
    assertThat(e.windowSize()).isEqualTo(s.windowSize());
    assertThat(e.learning()).isEqualTo(s.learning());
    assertThat(Double.valueOf(e.windowEce())).isEqualTo(Double.valueOf(s.windowEce()));
    assertThat(Double.valueOf(e.calibrationScore())).isEqualTo(Double.valueOf(s.calibrationScore()));
    assertThat(e.scope()).isEqualTo(s.scope());
    assertThat(e.tier().point()).isEqualTo(s.tier().point());
    assertThat(e.tier().mode()).isEqualTo(s.tier().mode());
    DriftSeverity expected = s.drift() == null ? null : s.drift().assessment().severity();
    assertThat(e.drift()).isEqualTo(expected);
    assertThat(e.machineState()).isEqualTo(s.machineState());
    assertThat(e.recalibrationRequired()).isEqualTo(s.recalibrationRequired());
    assertThat(e.lastUpdate()).isEqualTo(s.lastUpdate());
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(1, 1_000_000);
  }

  @Provide
  Arbitrary<TrackerConfig> configs() {
    TrackerConfig defaults = TrackerConfig.builder().windowSize(200).build();
    return Arbitraries.of(
        defaults,
        defaults.toBuilder().qualificationMode(QualificationMode.UPPER_BOUND).build(),
        defaults.toBuilder().upperBoundMethod(UpperBoundMethod.ANALYTIC)
            .qualificationMode(QualificationMode.UPPER_BOUND).build(),
        defaults.toBuilder().maxAge(Duration.ofMinutes(2)).build());
  }

  /** The streams must reach the states the property is about, or it would hold vacuously. */
  @Test
  void theStreamsReachDriftAndHigherSeverities() {
    Set<TrackerState> seen = EnumSet.noneOf(TrackerState.class);
    Set<DriftSeverity> bands = EnumSet.noneOf(DriftSeverity.class);
    for (long seed = 1; seed <= 6; seed++) {
      EnvironmentTracker t = new EnvironmentTracker(
          "x", TrackerConfig.builder().windowSize(200).build(), new Streams.FakeClock(), TrackerListener.NONE);
      double[] p = Streams.pick(Streams.CONCENTRATED, 900, seed);
      int[] calibrated = Streams.outcomes(p, 0, seed);
      int[] shifted = Streams.outcomes(p, 0.25, seed + 1);
      for (int i = 0; i < p.length; i++) {
        t.update(p[i], i < 450 ? calibrated[i] : shifted[i]);
        EnvironmentEvidence e = t.evidence();
        seen.add(e.machineState());
        if (e.drift() != null) {
          bands.add(e.drift());
        }
        if (i == 700 && seed % 2 == 0) {
          t.recalibrated("isotonic");
          seen.add(t.evidence().machineState());
        }
      }
    }
    assertThat(seen).contains(TrackerState.LEARNING, TrackerState.CALIBRATED, TrackerState.DRIFTING,
        TrackerState.RECALIBRATING);
    assertThat(bands).contains(DriftSeverity.NONE, DriftSeverity.CRITICAL);
  }
}
