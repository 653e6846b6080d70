package io.vgac.calibration.conformal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TwoSidedAdaptiveConformalProperties {

  /**
   * The integrators' identity is exact for any residuals and any label delays: the average miss minus α* equals
   * (I⁺ + I⁻)/(ηT), i.e. {@link TwoSidedAdaptiveConformal#missRateGap()} equals missRate − α*.
   */
  @Property(tries = 200)
  void missRateGapIsTheIntegratorsIdentityUnderDelays(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.02, max = 0.5) double targetMiss,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double eta,
      @ForAll @IntRange(min = 2, max = 200) int window,
      @ForAll @IntRange(min = 0, max = 50) int maxDelay) {
    SplittableRandom r = new SplittableRandom(seed);
    TwoSidedAdaptiveConformal c = new TwoSidedAdaptiveConformal(targetMiss, eta, window, new double[] {-1, 1});
    Deque<double[]> pending = new ArrayDeque<>(); // {residual, lower, upper}
    int steps = 300 + r.nextInt(700);
    for (int t = 0; t < steps; t++) {
      double scale = t < steps / 2 ? 1 : 10 * r.nextDouble(); // a shift halfway
      pending.add(new double[] {scale * r.nextGaussian() + (t % 97 == 0 ? 20 : 0), c.lowerOffset(),
          c.upperOffset()});
      while (pending.size() > r.nextInt(maxDelay + 1)) {
        double[] p = pending.poll();
        c.observe(p[0], p[1], p[2]);
      }
    }
    while (!pending.isEmpty()) {
      double[] p = pending.poll();
      c.observe(p[0], p[1], p[2]);
    }
    assertThat(c.updates()).isEqualTo(steps);
    assertThat(c.missRateGap()).isCloseTo(c.missRate() - targetMiss, offset(1e-9));
    assertThat(c.lowerOffset()).isFinite();
    assertThat(c.upperOffset()).isFinite();
  }

  @Test
  void stationaryResidualsAreCoveredAtTheNominalRate() {
    SplittableRandom r = new SplittableRandom(7);
    TwoSidedAdaptiveConformal c = new TwoSidedAdaptiveConformal(0.2, 0.05, 1000, new double[0]);
    int covered = 0;
    int n = 20_000;
    for (int t = 0; t < n; t++) {
      double lo = c.ready() ? c.lowerOffset() : Double.NEGATIVE_INFINITY;
      double hi = c.ready() ? c.upperOffset() : Double.POSITIVE_INFINITY;
      covered += c.observe(3 + 2 * r.nextGaussian(), lo, hi) ? 1 : 0;
    }
    assertThat((double) covered / n).isCloseTo(0.8, offset(0.01));
    // a shifted band, not a symmetric one: centred near the residuals' mean of 3
    assertThat((c.lowerOffset() + c.upperOffset()) / 2).isCloseTo(3, offset(0.3));
  }

  @Test
  void unreadyBandIsUnboundedAndBadInputNamesTheField() {
    TwoSidedAdaptiveConformal c = new TwoSidedAdaptiveConformal(0.2, 0.05, 10, new double[0]);
    assertThat(c.ready()).isFalse();
    assertThat(c.upperOffset()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(c.lowerOffset()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(c.missRate()).isNaN();
    assertThatThrownBy(() -> c.observe(Double.NaN, -1, 1)).hasMessageContaining("residual");
    assertThatThrownBy(() -> c.observe(0, Double.NaN, 1)).hasMessageContaining("issued offsets");
    assertThatThrownBy(() -> new TwoSidedAdaptiveConformal(0.2, 0, 10, new double[0])).hasMessageContaining("eta");
    assertThatThrownBy(() -> new TwoSidedAdaptiveConformal(0.2, 0.1, 1, new double[0]))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new TwoSidedAdaptiveConformal(0.2, 0.1, 10, new double[] {0, Double.NaN}))
        .hasMessageContaining("seed residual").hasMessageContaining("index 1");
    assertThat(c.updates()).isZero();
  }
}
