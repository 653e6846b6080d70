package io.vgac.bedrock;

import io.vgac.agents.spi.Planner;
import io.vgac.testkit.PlannerContract;
import io.vgac.testkit.bedrock.ConverseReply;
import io.vgac.testkit.bedrock.FakeConverseServer;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The Planner contract, with a model that proposes every graduated action for every job: the planner must skip
 * what cannot be planned and keep only what the emitted tier allows.
 */
class BedrockPlannerContractTest extends PlannerContract {
  FakeConverseServer bedrock;

  @Override
  protected Planner create() throws Exception {
    bedrock = FakeConverseServer.start();
    bedrock.respondWith(r -> ConverseReply.text(Harness.plan("hold", "suggest_reschedule", "warn", "annotate")));
    return BedrockPlanner.builder(BedrockPlannerConfig.builder().region("us-east-1")
            .endpointOverride(bedrock.endpoint()).build())
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "fake")))
        .build();
  }

  @AfterEach
  void stop() {
    bedrock.close();
  }
}
