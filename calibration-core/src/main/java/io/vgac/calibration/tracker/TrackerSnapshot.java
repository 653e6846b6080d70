package io.vgac.calibration.tracker;

import io.vgac.calibration.drift.AdwinState;
import io.vgac.calibration.drift.CalibrationEDetectorState;
import io.vgac.calibration.drift.PageHinkleyState;
import io.vgac.calibration.metrics.AccumulatorState;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The complete state of one {@link EnvironmentTracker} as a plain value (records, primitives, strings, enums,
 * arrays and lists), serialisable with any record-aware JSON mapper. Restoring it
 * ({@link EnvironmentTrackers#restore}) gives a tracker whose state and future behaviour are identical.
 *
 * @param envId the environment
 * @param sampleCount outcomes over the environment's life
 * @param windowP the window's probabilities, oldest first
 * @param windowY the window's labels, oldest first
 * @param windowTimes the window's times (epoch ms), oldest first; empty when the configuration has no max age
 * @param baselineEce the ratio rule's baseline (ignored while {@code baselineSet} is false)
 * @param baselineSet whether the baseline exists (false only while waiting for the first full window)
 * @param cumulative the cumulative accumulator
 * @param eDetector the calibration e-detector
 * @param eAlarmLatched whether the e-detector's alarm was already reported since its last restart
 * @param adwin ADWIN
 * @param pageHinkley Page-Hinkley
 * @param machineState name of the {@link TrackerState}
 * @param criticalSinceAlarm whether a CRITICAL ratio was seen since the last drift alarm
 * @param ratioExcursion whether the window ratio is above the recalibration edge now
 * @param ratioExcursions excursions above the recalibration edge so far
 * @param freshLabels outcomes since the last recalibration
 * @param recoveryEceUpper the last fresh upper bound checked while recovering; null when none
 * @param calibratorMethod the active calibrator's method
 * @param calibratorVersion the active calibrator's version
 * @param transitions the most recent transitions, oldest first
 * @param psiReference the PSI reference scores; empty when none is set
 * @param lastUpdateMillis time of the last outcome; null before the first
 */
public record TrackerSnapshot(
    String envId,
    long sampleCount,
    double[] windowP,
    int[] windowY,
    long[] windowTimes,
    double baselineEce,
    boolean baselineSet,
    AccumulatorState cumulative,
    CalibrationEDetectorState eDetector,
    boolean eAlarmLatched,
    AdwinState adwin,
    PageHinkleyState pageHinkley,
    String machineState,
    boolean criticalSinceAlarm,
    boolean ratioExcursion,
    long ratioExcursions,
    long freshLabels,
    @Nullable Double recoveryEceUpper,
    String calibratorMethod,
    long calibratorVersion,
    List<StateTransition> transitions,
    double[] psiReference,
    @Nullable Long lastUpdateMillis) {

  public TrackerSnapshot {
    windowP = windowP.clone();
    windowY = windowY.clone();
    windowTimes = windowTimes.clone();
    psiReference = psiReference.clone();
    transitions = List.copyOf(transitions);
  }

  @Override
  public double[] windowP() {
    return windowP.clone();
  }

  @Override
  public int[] windowY() {
    return windowY.clone();
  }

  @Override
  public long[] windowTimes() {
    return windowTimes.clone();
  }

  @Override
  public double[] psiReference() {
    return psiReference.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrackerSnapshot s
        && envId.equals(s.envId)
        && sampleCount == s.sampleCount
        && Arrays.equals(windowP, s.windowP)
        && Arrays.equals(windowY, s.windowY)
        && Arrays.equals(windowTimes, s.windowTimes)
        && Double.compare(baselineEce, s.baselineEce) == 0
        && baselineSet == s.baselineSet
        && cumulative.equals(s.cumulative)
        && eDetector.equals(s.eDetector)
        && eAlarmLatched == s.eAlarmLatched
        && adwin.equals(s.adwin)
        && pageHinkley.equals(s.pageHinkley)
        && machineState.equals(s.machineState)
        && criticalSinceAlarm == s.criticalSinceAlarm
        && ratioExcursion == s.ratioExcursion
        && ratioExcursions == s.ratioExcursions
        && freshLabels == s.freshLabels
        && java.util.Objects.equals(recoveryEceUpper, s.recoveryEceUpper)
        && calibratorMethod.equals(s.calibratorMethod)
        && calibratorVersion == s.calibratorVersion
        && transitions.equals(s.transitions)
        && Arrays.equals(psiReference, s.psiReference)
        && java.util.Objects.equals(lastUpdateMillis, s.lastUpdateMillis);
  }

  @Override
  public int hashCode() {
    return envId.hashCode() * 31 + Long.hashCode(sampleCount);
  }

  @Override
  public String toString() {
    return "TrackerSnapshot[envId=" + envId + ", sampleCount=" + sampleCount + ", window=" + windowP.length
        + ", state=" + machineState + ", calibrator=" + calibratorMethod + " v" + calibratorVersion + "]";
  }
}
