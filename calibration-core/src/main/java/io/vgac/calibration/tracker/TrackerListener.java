package io.vgac.calibration.tracker;

/**
 * Receives a tracker's alarms and state transitions as they happen (on the updating thread, under the tracker's
 * lock: keep it quick). An exception thrown by a listener is dropped: it never changes the tracker's state or a
 * decision.
 */
public interface TrackerListener {
  /** A listener that ignores everything. */
  TrackerListener NONE = new TrackerListener() {};

  default void onAlarm(DetectorAlarm alarm) {}

  default void onTransition(String envId, StateTransition transition) {}
}
