package io.vgac.dynamodb;

import io.vgac.agents.store.CalibrationStore;
import io.vgac.testkit.CalibrationStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SPI contract on dynalite; every test gets a fresh table, {@code reopen} a new store on the same table. */
class DynamoDbCalibrationStoreTest extends CalibrationStoreContract {
  @RegisterExtension
  static final DynaliteServer DYNALITE = new DynaliteServer();

  private String table = "";

  @Override
  protected CalibrationStore createStore(Clock clock) {
    table = DYNALITE.freshTable();
    return new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
  }

  @Override
  protected CalibrationStore reopen(CalibrationStore store, Clock clock) {
    store.close();
    return new DynamoDbCalibrationStore(DYNALITE.client(), config(), clock);
  }

  private DynamoDbConfig config() {
    return DynamoDbConfig.builder().tableName(table).build();
  }
}
