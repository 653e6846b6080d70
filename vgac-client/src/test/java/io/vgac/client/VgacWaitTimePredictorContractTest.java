package io.vgac.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vgac.agents.spi.WaitTimePredictor;
import io.vgac.testkit.WaitTimePredictorContract;
import io.vgac.testkit.vgac.FakeVgacServer;
import io.vgac.testkit.vgac.VgacWire;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The predictor contract over real HTTP, against a fake platform of cluster "c" answering from the job spec. */
class VgacWaitTimePredictorContractTest extends WaitTimePredictorContract {
  private final FakeVgacServer server = FakeVgacServer.start();

  @Override
  protected WaitTimePredictor create() {
    server.predictWith(spec -> {
      int gpus = spec.get("gpus").asInt();
      return VgacWire.prediction(gpus / (gpus + 8.0), gpus * 60L + spec.get("priority").asInt(), 0.9);
    });
    return VgacClient.create(VgacClientConfig.builder().baseUrl(server.baseUrl()).clusterId("c")
        .requestTimeout(Duration.ofSeconds(10)).build()).predictor();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theJobSpecIsSentInTheContractsFields() {
    predictor.predict(cases().get(7).job(), cases().get(7).state());
    String body = server.requests(FakeVgacServer.PREDICT_WAIT).get(0).body();
    assertThat(body).contains("\"gpus\":8", "\"cpu\":8000.0", "\"memory_gb\":32.0", "\"priority\":0",
        "\"namespace\":\"alice\"", "\"queue\":\"gpu\"", "\"estimated_duration_minutes\":120",
        "\"is_distributed\":false");
  }
}
