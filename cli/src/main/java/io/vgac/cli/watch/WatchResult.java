package io.vgac.cli.watch;

import io.vgac.calibration.tracker.EnvironmentState;
import java.util.List;

/**
 * What {@code vgac watch} found.
 *
 * @param n rows processed
 * @param alarms every alarm in row order
 * @param environments each environment's final state, by sorted id
 */
public record WatchResult(long n, List<WatchAlarm> alarms, List<EnvironmentState> environments) {
  public WatchResult {
    alarms = List.copyOf(alarms);
    environments = List.copyOf(environments);
  }
}
