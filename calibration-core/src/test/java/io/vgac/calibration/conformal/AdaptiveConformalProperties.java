package io.vgac.calibration.conformal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AdaptiveConformalProperties {

  /**
   * Gibbs &amp; Candès' guarantee is deterministic: whatever the scores (drawn here from regimes that switch scale,
   * drift, jump and alternate adversarially), |average miss − α*| ≤ (max(α₁, 1 − α₁) + γ)/(γT), and the gap equals
   * (α₁ − α_{T+1})/(γT).
   */
  @Property(tries = 200)
  void longRunMissRateObeysTheDeterministicBound(
      @ForAll("streams") double[] scores,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double targetMiss,
      @ForAll @DoubleRange(min = 0.001, max = 0.2) @net.jqwik.api.constraints.Scale(4) double gamma,
      @ForAll @IntRange(min = 1, max = 300) int window) {
    AdaptiveConformalConfig config = AdaptiveConformalConfig.builder()
        .targetMiss(targetMiss).gamma(gamma).window(window).build();
    AdaptiveConformal aci = new AdaptiveConformal(config);
    for (double s : scores) {
      aci.observe(s);
      assertThat(aci.alpha()).isBetween(-gamma - 1e-12, 1 + gamma + 1e-12);
    }
    long t = scores.length;
    double gap = aci.missRate() - targetMiss;
    assertThat(Math.abs(gap)).isLessThanOrEqualTo(config.missRateBound(t) + 1e-9);
    assertThat(aci.missRateGap()).isCloseTo(gap, offset(1e-9));
  }

  /** The adversary that knows the radius: it misses whenever allowed; ACI still holds the rate. */
  @Test
  void anAdversaryThatAlwaysMissesWhenItCanIsHeldToTheTarget() {
    AdaptiveConformalConfig config = AdaptiveConformalConfig.builder().targetMiss(0.1).gamma(0.01).window(50)
        .build();
    AdaptiveConformal aci = new AdaptiveConformal(config);
    int t = 20_000;
    for (int i = 0; i < t; i++) {
      double r = aci.radius();
      double score = r == Double.POSITIVE_INFINITY ? 1e9 : Math.max(0, r) + 1; // just outside whenever finite
      aci.observe(score);
    }
    assertThat(Math.abs(aci.missRate() - 0.1)).isLessThanOrEqualTo(config.missRateBound(t));
  }

  /** Under a scale shift a fixed conformal radius loses coverage; ACI recovers it. */
  @Test
  void recoversCoverageAfterAShift() {
    SplittableRandom random = new SplittableRandom(7);
    AdaptiveConformal aci = new AdaptiveConformal(
        AdaptiveConformalConfig.builder().targetMiss(0.2).gamma(0.01).window(500).build());
    for (int i = 0; i < 2000; i++) {
      aci.observe(Math.abs(gaussian(random)));
    }
    double frozen = aci.radius();
    int fixedCovered = 0;
    long missesBefore = aci.misses();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double s = 3 * Math.abs(gaussian(random)); // the spread tripled
      fixedCovered += s <= frozen ? 1 : 0;
      aci.observe(s);
    }
    double aciCoverage = 1 - (double) (aci.misses() - missesBefore) / n;
    assertThat((double) fixedCovered / n).as("a frozen radius").isLessThan(0.45);
    assertThat(aciCoverage).as("ACI after the shift").isBetween(0.78, 0.82);
  }

  /** Late labels: the identity still holds exactly, and α stays within γ(d + 1) of [0,1] for delays ≤ d. */
  @Property(tries = 100)
  void lateLabelsKeepTheIdentity(
      @ForAll("streams") double[] scores, @ForAll @IntRange(min = 0, max = 20) int delay) {
    double gamma = 0.02;
    AdaptiveConformal aci = new AdaptiveConformal(
        AdaptiveConformalConfig.builder().targetMiss(0.2).gamma(gamma).window(100).build());
    Deque<double[]> pending = new ArrayDeque<>(); // {score, radius issued}
    for (double s : scores) {
      pending.addLast(new double[] {s, aci.radius()});
      if (pending.size() > delay) {
        double[] due = pending.removeFirst();
        aci.observe(due[0], due[1]);
        assertThat(aci.alpha()).isBetween(-gamma * (delay + 1) - 1e-12, 1 + gamma * (delay + 1) + 1e-12);
      }
    }
    if (aci.updates() > 0) {
      assertThat(aci.missRateGap()).isCloseTo(aci.missRate() - 0.2, offset(1e-9));
    }
  }

  /** The O(1) radius is the conformal quantile of the last window scores at α_t, computed naively. */
  @Property(tries = 100)
  void radiusIsTheWindowQuantile(@ForAll("streams") double[] scores, @ForAll @IntRange(min = 1, max = 60) int window) {
    AdaptiveConformal aci = new AdaptiveConformal(
        AdaptiveConformalConfig.builder().targetMiss(0.2).gamma(0.05).window(window).build());
    for (int i = 0; i < scores.length; i++) {
      aci.observe(scores[i]);
      double[] last = Arrays.copyOfRange(scores, Math.max(0, i + 1 - window), i + 1);
      Arrays.sort(last);
      long k = SplitConformal.rank(last.length, aci.alpha());
      double expected = k > last.length ? Double.POSITIVE_INFINITY
          : k <= 0 ? Double.NEGATIVE_INFINITY : last[(int) k - 1];
      assertThat(aci.radius()).isEqualTo(expected);
    }
  }

  @Property(tries = 50)
  void resumesExactly(@ForAll("streams") double[] scores, @ForAll @IntRange(min = 0, max = 400) int cut) {
    AdaptiveConformalConfig config = AdaptiveConformalConfig.builder().window(40).gamma(0.05).build();
    AdaptiveConformal whole = new AdaptiveConformal(config);
    AdaptiveConformal first = new AdaptiveConformal(config);
    int c = Math.min(cut, scores.length);
    for (int i = 0; i < scores.length; i++) {
      whole.observe(scores[i]);
      if (i < c) {
        first.observe(scores[i]);
      }
    }
    AdaptiveConformal resumed = AdaptiveConformal.resume(config, first.state());
    for (int i = c; i < scores.length; i++) {
      resumed.observe(scores[i]);
    }
    assertThat(resumed.state()).isEqualTo(whole.state());
    assertThat(resumed.radius()).isEqualTo(whole.radius());
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    AdaptiveConformal aci = AdaptiveConformal.ofDefaults();
    assertThatThrownBy(() -> aci.observe(Double.NaN)).hasMessage("score must be finite and ≥ 0 but was NaN at index 0");
    assertThatThrownBy(() -> aci.observe(-1)).hasMessage("score must be finite and ≥ 0 but was -1.0 at index 0");
    assertThatThrownBy(() -> aci.observe(Double.POSITIVE_INFINITY)).hasMessageContaining("score");
    assertThatThrownBy(() -> aci.observe(1, Double.NaN)).hasMessageContaining("issuedRadius");
    assertThat(aci.updates()).as("nothing learned from bad input").isZero();
    assertThat(aci.alpha()).isEqualTo(AdaptiveConformalConfig.DEFAULT_TARGET_MISS);
    assertThatThrownBy(() -> AdaptiveConformalConfig.builder().targetMiss(0))
        .hasMessage("targetMiss must be in (0,1) but was 0.0");
    assertThatThrownBy(() -> AdaptiveConformalConfig.builder().coverage(1.2))
        .hasMessage("coverage must be in (0,1) but was 1.2");
    assertThatThrownBy(() -> AdaptiveConformalConfig.builder().gamma(0)).hasMessage("gamma must be in (0,1] but was 0.0");
    assertThatThrownBy(() -> AdaptiveConformalConfig.builder().window(0)).hasMessage("window must be ≥ 1 but was 0");
    assertThatThrownBy(() -> new AdaptiveConformalState(Double.NaN, new double[0], 0, 0))
        .hasMessage("alpha must be finite but was NaN");
    assertThatThrownBy(() -> new AdaptiveConformalState(0.1, new double[] {-1}, 1, 0))
        .hasMessageContaining("score must be finite and ≥ 0 but was -1.0");
    assertThatThrownBy(() -> new AdaptiveConformalState(0.1, new double[0], 1, 2))
        .hasMessage("misses must be in [0,1] but was 2");
  }

  @Test
  void anEmptyWindowGivesAnUnboundedInterval() {
    AdaptiveConformal aci = AdaptiveConformal.ofDefaults();
    assertThat(aci.radius()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(aci.interval(60).hi()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(aci.missRate()).isNaN();
    assertThat(aci.missRateGap()).isNaN();
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** Concatenated regimes: constant, uniform at a random scale, a linear drift, and an alternating 0/huge pattern. */
  @Provide
  Arbitrary<double[]> streams() {
    Arbitrary<List<Double>> constant = Combinators.combine(
        Arbitraries.doubles().between(0, 100), Arbitraries.integers().between(1, 200))
        .as((v, n) -> java.util.Collections.nCopies(n, v));
    Arbitrary<List<Double>> scaled = Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(300)
        .flatMap(l -> Arbitraries.of(0.01, 1.0, 1e3, 1e6).map(s -> l.stream().map(x -> x * s).toList()));
    Arbitrary<List<Double>> drift = Arbitraries.integers().between(1, 300)
        .map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> (double) i).toList());
    Arbitrary<List<Double>> alternating = Arbitraries.integers().between(1, 300)
        .map(n -> java.util.stream.IntStream.range(0, n).mapToObj(i -> i % 2 == 0 ? 0.0 : 1e9).toList());
    return Arbitraries.oneOf(constant, scaled, drift, alternating).list().ofMinSize(1).ofMaxSize(8)
        .map(parts -> parts.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray());
  }
}
