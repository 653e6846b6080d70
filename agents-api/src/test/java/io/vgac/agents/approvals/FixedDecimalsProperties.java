package io.vgac.agents.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.gate.CalibrationEvidence;
import io.vgac.calibration.Interval;
import io.vgac.calibration.drift.DriftSeverity;
import io.vgac.calibration.policy.Scope;
import io.vgac.calibration.tracker.TrackerState;
import java.time.Instant;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link FixedDecimals} writes exactly what {@code String.format(Locale.ROOT, "%.Nf", x)} writes. */
class FixedDecimalsProperties {

  private static String fixed(double x, int digits) {
    return FixedDecimals.append(new StringBuilder(), x, digits).toString();
  }

  @Property
  void matchesTheFormatterOnAnyDouble(@ForAll double x, @ForAll @IntRange(min = 0, max = 6) int digits) {
    assertThat(fixed(x, digits)).isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", x));
  }

  @Property
  void matchesTheFormatterOnProbabilities(@ForAll @DoubleRange(min = -1, max = 1) double x) {
    assertThat(fixed(x, 3)).isEqualTo(String.format(Locale.ROOT, "%.3f", x));
    assertThat(fixed(x, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
  }

  @Test
  void matchesTheFormatterOnTiesAndSpecialValues() {
    double[] xs = {0.0005, 0.0015, 1.0005, 0.1255, 0.9995, 0.125, 0.375, -0.0, -0.0001, -1e-301, 0.0, 1.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1e-7, 123456789.0005};
    for (double x : xs) {
      for (int d = 0; d <= 4; d++) {
        assertThat(fixed(x, d)).as("%s with %d digits", x, d)
            .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", x));
      }
    }
  }

  /** The summary is the text the former String.format pattern wrote, on any evidence. */
  @Property
  void summaryIsTheFormattersText(
      @ForAll @IntRange(min = 0, max = 5000) int samples,
      @ForAll boolean learning,
      @ForAll @DoubleRange(min = 0, max = 1) double ece,
      @ForAll boolean noInterval,
      @ForAll @IntRange(min = 0, max = 4) int tier,
      @ForAll Scope scope,
      @ForAll TrackerState machine,
      @ForAll boolean noDrift,
      @ForAll DriftSeverity drift,
      @ForAll boolean noTime) {
    double lo = noInterval ? Double.NaN : ece / 2;
    double hi = noInterval ? Double.NaN : Math.min(1, ece * 1.5);
    CalibrationEvidence e = new CalibrationEvidence("c", samples, learning, Math.max(0, 1 - 5 * ece), scope, tier,
        ece, new Interval(lo, hi, 0.9), noDrift ? null : drift, machine,
        noTime ? null : Instant.ofEpochSecond(1_767_600_000L + samples));
    String formatted = String.format(Locale.ROOT,
        "samples=%d%s ece=%.3f [%.3f, %.3f] score=%.2f scope=%s tier=%d drift=%s tracker=%s observed_at=%s",
        e.sampleCount(), e.learning() ? " (learning)" : "", e.ece(), e.eceInterval().lo(), e.eceInterval().hi(),
        e.calibrationScore(), e.scope(), e.qualifiedTier(), e.drift() == null ? "unknown" : e.drift(),
        e.machineState(), e.observedAt() == null ? "unknown" : e.observedAt());
    assertThat(ApprovalRequest.summarize(e)).isEqualTo(formatted);
  }
}
