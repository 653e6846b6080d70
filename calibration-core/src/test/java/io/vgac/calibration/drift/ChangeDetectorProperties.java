package io.vgac.calibration.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ChangeDetectorProperties {

  private static List<Supplier<ChangeDetector>> detectors() {
    return List.of(Adwin::ofDefaults, PageHinkley::ofDefaults, Cusum::ofDefaults);
  }

  @Property(tries = 50)
  void neverAlarmsOnAConstantStream(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double value,
      @ForAll @IntRange(min = 1, max = 3000) int length) {
    for (Supplier<ChangeDetector> factory : detectors()) {
      ChangeDetector detector = factory.get();
      for (int i = 0; i < length; i++) {
        assertThat(detector.update(value)).as("%s at item %d", detector, i).isFalse();
      }
      assertThat(detector.count()).isEqualTo(length);
      assertThat(detector.estimate()).isCloseTo(value, offset(1e-9 * (1 + Math.abs(value))));
    }
  }

  @Property(tries = 100)
  void adwinWindowStaysConsistent(@ForAll("bitStreams") List<Integer> bits) {
    Adwin adwin = Adwin.ofDefaults();
    Adwin replay = Adwin.ofDefaults();
    for (int b : bits) {
      boolean changed = adwin.update(b);
      assertThat(replay.update(b)).isEqualTo(changed);
    }
    assertThat(adwin.width()).isBetween(1L, (long) bits.size());
    assertThat(adwin.estimate()).isBetween(0.0, 1.0);
    assertThat(adwin.sum()).isEqualTo(Math.rint(adwin.sum())); // sums of 0/1 stay integral
    // The window is the most recent items: its sum matches the tail of the stream.
    long tail = bits.subList(bits.size() - (int) adwin.width(), bits.size()).stream().mapToInt(i -> i).sum();
    assertThat(adwin.sum()).isEqualTo((double) tail);
  }

  @Provide
  Arbitrary<List<Integer>> bitStreams() {
    return Arbitraries.integers().between(0, 1).list().ofMinSize(1).ofMaxSize(2000);
  }
}
