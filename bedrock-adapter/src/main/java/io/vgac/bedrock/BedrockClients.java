package io.vgac.bedrock;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * Builds the {@link BedrockRuntimeClient} a {@link BedrockPlanner} calls: the JDK's URL-connection HTTP client with
 * the configured connect and read timeouts, the SDK's own retries off (the planner retries, so that its attempts,
 * backoff and fallback are what the configuration says), region and endpoint from the configuration when set,
 * otherwise from the SDK's default chains.
 */
public final class BedrockClients {
  private BedrockClients() {}

  /** A client with the SDK's default credentials chain (environment, profile, container or instance role). */
  public static BedrockRuntimeClient create(BedrockPlannerConfig config) {
    return create(config, null);
  }

  /**
   * A client with {@code credentials}; null: the SDK's default credentials chain.
   *
   * @throws software.amazon.awssdk.core.exception.SdkClientException when no region is configured and the default
   *     region chain finds none
   */
  public static BedrockRuntimeClient create(BedrockPlannerConfig config, @Nullable AwsCredentialsProvider credentials) {
    BedrockRuntimeClientBuilder b = BedrockRuntimeClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(config.connectTimeout())
            .socketTimeout(config.attemptTimeout()))
        .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(config.attemptTimeout()));
    if (config.region() != null) {
      b.region(Region.of(config.region()));
    }
    if (config.endpointOverride() != null) {
      b.endpointOverride(config.endpointOverride());
    }
    return b.build();
  }
}
