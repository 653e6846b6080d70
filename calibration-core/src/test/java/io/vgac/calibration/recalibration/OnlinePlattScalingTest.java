package io.vgac.calibration.recalibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnlinePlattScalingTest {

  /** Over-confident stream: true probability t ~ U(0,1), reported p = σ(2·logit(t)); the fix is a = 0.5, b = 0. */
  private static Synthetic overconfident(long seed, int n) {
    return Synthetic.uniformTruth(seed, n, t -> Synthetic.sigmoid(2 * Synthetic.logit(t)));
  }

  @Test
  void learnsToRecalibrateAnOverconfidentStream() {
    int n = 40_000;
    Synthetic data = overconfident(41, n);
    OnlinePlattScaling learner = OnlinePlattScaling.create();
    double[] online = new double[n];
    for (int i = 0; i < n; i++) {
      online[i] = learner.update(data.p[i], data.y[i]);
    }
    double onlineLoss = Synthetic.logLoss(online, data.y, n / 2, n);
    double rawLoss = Synthetic.logLoss(data.p, data.y, n / 2, n);
    double bestLoss = Synthetic.logLoss(data.truth, data.y, n / 2, n);
    assertThat(onlineLoss).isLessThan(rawLoss);
    assertThat(onlineLoss - bestLoss).isLessThan(0.05 * (rawLoss - bestLoss)); // nearly all of the gap is closed
    OnlinePlattCalibrator snapshot = learner.snapshot();
    assertThat(snapshot.a()).isCloseTo(0.5, within(0.1));
    assertThat(snapshot.b()).isCloseTo(0.0, within(0.1));
    assertThat(snapshot.updates()).isEqualTo(n);
  }

  @Test
  void startsAtTheIdentityAndForecastsBeforeLearning() {
    OnlinePlattScaling learner = OnlinePlattScaling.create();
    assertThat(learner.snapshot()).isEqualTo(new OnlinePlattCalibrator(1, 0, 0));
    assertThat(learner.calibrate(0.3)).isCloseTo(0.3, within(1e-12));
    assertThat(learner.update(0.3, 1)).isCloseTo(0.3, within(1e-12)); // forecast with the initial parameters
    assertThat(learner.updates()).isEqualTo(1);
    assertThat(learner.calibrate(0.3)).isGreaterThan(0.3); // a positive outcome nudges the map up
  }

  @Test
  void staysWithinTheRadius() {
    // Under-confident stream wants a = 4, beyond a radius of 2.
    Synthetic data = Synthetic.uniformTruth(42, 5_000, t -> Synthetic.sigmoid(0.25 * Synthetic.logit(t)));
    OnlinePlattScaling learner = new OnlinePlattScaling(OnlinePlattConfig.builder().radius(2).build());
    for (int i = 0; i < data.p.length; i++) {
      learner.update(data.p[i], data.y[i]);
      OnlinePlattCalibrator s = learner.snapshot();
      assertThat(Math.hypot(s.a(), s.b())).isLessThanOrEqualTo(2.0);
    }
    assertThat(Math.hypot(learner.snapshot().a(), learner.snapshot().b())).isCloseTo(2.0, within(1e-6));
  }

  @Test
  void projectionIsTheClosestPointOfTheBallInTheMatrixNorm() {
    double a11 = 5;
    double a12 = 3;
    double a22 = 2.5;
    double radius = 1;
    OnlinePlattScaling learner =
        OnlinePlattScaling.resume(OnlinePlattConfig.builder().radius(radius).build(),
            new OnlinePlattState(0, 0, a11, a12, a22, 0));
    double va = 2;
    double vb = -1.5;
    learner.project(va, vb, radius);
    OnlinePlattCalibrator projected = learner.snapshot();
    // Brute force over the circle (the minimiser lies on it since v is outside the ball).
    double best = Double.POSITIVE_INFINITY;
    double bestA = 0;
    double bestB = 0;
    for (int k = 0; k < 2_000_000; k++) {
      double phi = 2 * Math.PI * k / 2_000_000;
      double ta = radius * Math.cos(phi);
      double tb = radius * Math.sin(phi);
      double da = ta - va;
      double db = tb - vb;
      double d = a11 * da * da + 2 * a12 * da * db + a22 * db * db;
      if (d < best) {
        best = d;
        bestA = ta;
        bestB = tb;
      }
    }
    assertThat(projected.a()).isCloseTo(bestA, within(1e-5));
    assertThat(projected.b()).isCloseTo(bestB, within(1e-5));
    // Not the Euclidean projection, which would be v/‖v‖ = (0.8, −0.6).
    assertThat(Math.abs(projected.a() - 0.8) + Math.abs(projected.b() + 0.6)).isGreaterThan(0.01);
  }

  @Test
  void resumingFromAStoredStateContinuesIdentically() {
    Synthetic data = overconfident(43, 2_000);
    OnlinePlattScaling straight = OnlinePlattScaling.create();
    OnlinePlattScaling first = OnlinePlattScaling.create();
    for (int i = 0; i < 1_000; i++) {
      straight.update(data.p[i], data.y[i]);
      first.update(data.p[i], data.y[i]);
    }
    OnlinePlattScaling resumed = OnlinePlattScaling.resume(first.config(), first.state());
    for (int i = 1_000; i < 2_000; i++) {
      assertThat(resumed.update(data.p[i], data.y[i])).isEqualTo(straight.update(data.p[i], data.y[i]));
    }
    assertThat(resumed.state()).isEqualTo(straight.state());
  }

  @Test
  void updateAllocatesNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    OnlinePlattScaling learner = new OnlinePlattScaling(OnlinePlattConfig.builder().radius(1.5).build());
    SplittableRandom rnd = new SplittableRandom(44);
    double[] p = new double[100_000];
    int[] y = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = rnd.nextDouble();
      y[i] = rnd.nextDouble() < 0.5 ? 1 : 0;
    }
    double sink = 0;
    for (int i = 0; i < p.length; i++) { // warm up, so the projection path is also compiled
      sink += learner.update(p[i], y[i]);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < p.length; i++) {
      sink += learner.update(p[i], y[i]);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(sink).isFinite();
    // Even 16 bytes per update would be 1.6 MB; what remains is the measurement's own noise.
    assertThat(allocated).isLessThan(10_000);
  }

  @Test
  void rejectsBadInput() {
    OnlinePlattScaling learner = OnlinePlattScaling.create();
    learner.update(0.5, 1);
    assertThatThrownBy(() -> learner.update(Double.NaN, 1)).hasMessage("Not a probability: NaN at update 1");
    assertThatThrownBy(() -> learner.update(0.5, 2)).hasMessage("Not a 0/1 label: 2 at update 1");
    assertThatThrownBy(() -> OnlinePlattConfig.builder().radius(0)).hasMessage("radius must be in (0,∞) but was 0.0");
    assertThatThrownBy(() -> OnlinePlattConfig.builder().radius(0.5).build())
        .hasMessage("radius must be ≥ ‖(initialA, initialB)‖ = 1.0 but was 0.5");
    assertThatThrownBy(() -> new OnlinePlattState(0, 0, 1, 2, 1, 0)).hasMessageStartingWith("A must be positive definite");
    assertThatThrownBy(
            () -> OnlinePlattScaling.resume(OnlinePlattConfig.ofDefaults(), new OnlinePlattState(200, 0, 1, 0, 1, 5)))
        .hasMessage("state ‖(a, b)‖ must be ≤ radius 100.0 but was 200.0");
  }
}
