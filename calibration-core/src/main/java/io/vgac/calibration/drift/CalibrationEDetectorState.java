package io.vgac.calibration.drift;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The complete mutable state of a {@link CalibrationEDetector}, for persistence. Restoring it into a detector with
 * the same configuration ({@link CalibrationEDetector#restore}) gives identical future behaviour.
 *
 * @param count observations since the last reset
 * @param eCusum the e-CUSUM values, deviation-major ({@code [d * bets + g]})
 * @param alarm the first alarm since the last reset, or null
 */
public record CalibrationEDetectorState(long count, double[] eCusum, @Nullable CalibrationAlarm alarm) {
  public CalibrationEDetectorState {
    eCusum = eCusum.clone();
  }

  @Override
  public double[] eCusum() {
    return eCusum.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalibrationEDetectorState s
        && count == s.count
        && Arrays.equals(eCusum, s.eCusum)
        && java.util.Objects.equals(alarm, s.alarm);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Arrays.hashCode(eCusum);
  }

  @Override
  public String toString() {
    return "CalibrationEDetectorState[count=" + count + ", eCusum=" + Arrays.toString(eCusum) + ", alarm=" + alarm
        + "]";
  }
}
