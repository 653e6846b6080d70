package io.vgac.calibration.conformal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.vgac.calibration.Interval;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CoverageTrackerProperties {

  @Property(tries = 200)
  void windowAndCumulativeMatchANaiveCount(
      @ForAll @Size(max = 500) List<Boolean> outcomes, @ForAll @IntRange(min = 1, max = 100) int window) {
    CoverageTracker t = new CoverageTracker(window, 0.95);
    outcomes.forEach(t::record);
    List<Boolean> last = outcomes.subList(Math.max(0, outcomes.size() - window), outcomes.size());
    long inWindow = last.stream().filter(b -> b).count();
    long all = outcomes.stream().filter(b -> b).count();
    assertThat(t.windowCount()).isEqualTo(last.size());
    assertThat(t.total()).isEqualTo(outcomes.size());
    assertThat(t.covered()).isEqualTo(all);
    if (last.isEmpty()) {
      assertThat(t.windowCoverage()).isNaN();
      assertThat(t.windowInterval().isDefined()).isFalse();
    } else {
      assertThat(t.windowCoverage()).isEqualTo((double) inWindow / last.size());
      Interval ci = t.windowInterval();
      assertThat(ci.lo()).isLessThanOrEqualTo(t.windowCoverage() + 1e-12);
      assertThat(ci.hi()).isGreaterThanOrEqualTo(t.windowCoverage() - 1e-12);
      assertThat(ci.lo()).isGreaterThanOrEqualTo(0);
      assertThat(ci.hi()).isLessThanOrEqualTo(1);
    }
  }

  @Property(tries = 200)
  void plusEqualsRecordingBothStreamsInOrder(
      @ForAll @Size(max = 200) List<Boolean> a, @ForAll @Size(max = 200) List<Boolean> b,
      @ForAll @IntRange(min = 1, max = 80) int window) {
    CoverageTracker ta = new CoverageTracker(window, 0.9);
    CoverageTracker tb = new CoverageTracker(window, 0.9);
    CoverageTracker both = new CoverageTracker(window, 0.9);
    a.forEach(ta::record);
    b.forEach(tb::record);
    a.forEach(both::record);
    b.forEach(both::record);
    assertThat(ta.plus(tb).state()).isEqualTo(both.state());
  }

  @Property(tries = 100)
  void resumesExactly(@ForAll @Size(max = 300) List<Boolean> outcomes, @ForAll @IntRange(min = 0, max = 300) int cut) {
    CoverageTracker whole = new CoverageTracker(50, 0.95);
    CoverageTracker first = new CoverageTracker(50, 0.95);
    int c = Math.min(cut, outcomes.size());
    outcomes.forEach(whole::record);
    outcomes.subList(0, c).forEach(first::record);
    CoverageTracker resumed = CoverageTracker.resume(50, 0.95, first.state());
    outcomes.subList(c, outcomes.size()).forEach(resumed::record);
    assertThat(resumed.state()).isEqualTo(whole.state());
  }

  @Test
  void wilsonIntervalOfEightyPercent() {
    CoverageTracker t = new CoverageTracker(1000, 0.95);
    for (int i = 0; i < 1000; i++) {
      t.record(i % 5 != 0);
    }
    // Wilson 95% for 800/1000: [0.7741, 0.8236].
    assertThat(t.windowInterval().lo()).isCloseTo(0.7741, offset(5e-4));
    assertThat(t.windowInterval().hi()).isCloseTo(0.8236, offset(5e-4));
    assertThat(t.cumulativeInterval()).isEqualTo(t.windowInterval());
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> new CoverageTracker(0, 0.95)).hasMessage("window must be ≥ 1 but was 0");
    assertThatThrownBy(() -> new CoverageTracker(10, 1)).hasMessage("level must be in (0,1) but was 1.0");
    assertThatThrownBy(() -> new CoverageState(new boolean[] {true, false}, 1, 1))
        .hasMessage("total must be ≥ the window's 2 outcomes but was 1");
    assertThatThrownBy(() -> new CoverageState(new boolean[] {true, false}, 3, 3))
        .hasMessage("covered must be in [1,2] but was 3");
  }
}
