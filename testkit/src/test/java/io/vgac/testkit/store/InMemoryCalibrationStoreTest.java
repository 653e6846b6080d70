package io.vgac.testkit.store;

import io.vgac.agents.store.CalibrationStore;
import io.vgac.agents.store.InMemoryCalibrationStore;
import io.vgac.testkit.CalibrationStoreContract;
import java.time.Clock;

class InMemoryCalibrationStoreTest extends CalibrationStoreContract {
  @Override
  protected CalibrationStore createStore(Clock clock) {
    return new InMemoryCalibrationStore(clock);
  }
}
