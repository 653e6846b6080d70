package io.vgac.agents.gate;

import io.vgac.calibration.tracker.EnvironmentTrackers;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Where {@link GatedActions} gets an environment's calibration evidence. */
@FunctionalInterface
public interface EvidenceSource {

  /** The evidence of {@code envId}, or null when the environment is unknown. May throw: the gate then escalates. */
  @Nullable CalibrationEvidence evidence(String envId);

  /**
   * Live evidence from in-process trackers, observed now on {@code clock}; an environment never seen gives the
   * tracker's unknown state (learning, 0 samples), which escalates. Reads the full state (a bootstrap after each
   * change): the workflow's {@code TrackerEvidence} reads the O(1) evidence instead.
   */
  static EvidenceSource of(EnvironmentTrackers trackers, Clock clock) {
    return envId -> CalibrationEvidence.from(trackers.state(envId), clock.instant());
  }
}
