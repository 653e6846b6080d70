package io.vgac.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vgac.agents.model.AgentsJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call = up to {@code maxAttempts} attempts (resilience4j {@link Retry}, waits from {@link Backoff} through the
 * {@link Sleeper}), each attempt guarded by one {@link CircuitBreaker} and bounded by the request deadline. The
 * response is decoded inside the attempt, so a platform answering garbage counts as failing.
 */
final class ResilientTransport {
  private static final Logger LOG = LoggerFactory.getLogger(VgacClient.class);

  private final VgacClientConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final @Nullable String key;

  ResilientTransport(VgacClientConfig config, HttpClient http, Clock clock, Sleeper sleeper, DoubleSupplier uniform) {
    this.config = config;
    this.http = http;
    this.clock = clock;
    this.key = config.apiKey().orElse(null);
    this.breaker = CircuitBreaker.of("vgac " + config.baseUrl(), CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.slidingWindowSize())
        .minimumNumberOfCalls(config.minimumNumberOfCalls())
        .failureRateThreshold(config.failureRateThreshold())
        .waitDurationInOpenState(config.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(config.permittedCallsInHalfOpenState())
        // a 4xx proves the platform is up: it is the request that is wrong
        .recordException(t -> !(t instanceof RequestRejectedException))
        .clock(clock)
        .build());
    breaker.getEventPublisher().onStateTransition(e -> LOG.warn("VGAC platform {}: circuit breaker {}",
        config.baseUrl(), e.getStateTransition()));
    Backoff backoff = new Backoff(config, uniform);
    IntervalBiFunction<Object> wait = (attempt, outcome) -> {
      Throwable failure = outcome.isLeft() ? outcome.getLeft() : new IllegalStateException("retry on a result");
      Duration d = backoff.delay(attempt, failure);
      LOG.debug("VGAC retry {} of {} in {} ms after: {}", attempt, config.maxAttempts() - 1, d.toMillis(),
          failure.getMessage());
      try {
        sleeper.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
      }
      return 0L; // we waited ourselves: resilience4j's own sleep is a static hook, not injectable per client
    };
    this.retry = Retry.of("vgac " + config.baseUrl(), RetryConfig.custom()
        .maxAttempts(config.maxAttempts())
        .intervalBiFunction(wait)
        .retryOnException(t -> t instanceof VgacClientException v && v.isTransient()
            && !Thread.currentThread().isInterrupted())
        .build());
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** Calls {@code endpoint} (with {@code body} for a POST) and decodes the JSON answer. */
  <T> T call(Endpoint endpoint, @Nullable JsonNode body, boolean retried, Function<JsonNode, T> decoder) {
    AtomicInteger attempt = new AtomicInteger();
    if (!retried) {
      return guarded(endpoint, body, decoder, attempt.incrementAndGet(), 1);
    }
    return retry.executeSupplier(
        () -> guarded(endpoint, body, decoder, attempt.incrementAndGet(), config.maxAttempts()));
  }

  private <T> T guarded(
      Endpoint endpoint, @Nullable JsonNode body, Function<JsonNode, T> decoder, int attempt, int of) {
    try {
      return breaker.executeSupplier(() -> decode(endpoint, send(endpoint, body, attempt, of), decoder, attempt, of));
    } catch (CallNotPermittedException e) {
      throw new CircuitOpenException(endpoint.toString(), message(endpoint, attempt, of,
          "circuit breaker is open after repeated failures; failing fast (no request sent)"), e);
    }
  }

  private String send(Endpoint endpoint, @Nullable JsonNode body, int attempt, int of) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.baseUrl() + endpoint.path()))
        .timeout(config.requestTimeout())
        .header("Accept", "application/json")
        .header("User-Agent", "vgac-client/0.1");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(AgentsJson.write(body), StandardCharsets.UTF_8));
    }
    CompletableFuture<HttpResponse<String>> pending =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      // the request timeout only covers the headers: this bounds the body too (a slow trickle ends here)
      response = pending.get(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new PlatformTimeoutException(endpoint.toString(), message(endpoint, attempt, of,
          "no complete response within the request timeout of " + config.requestTimeout().toMillis() + " ms"), e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new PlatformUnavailableException(endpoint.toString(), message(endpoint, attempt, of, "interrupted"), e);
    } catch (ExecutionException e) {
      throw transportFailure(endpoint, attempt, of, e.getCause() == null ? e : e.getCause());
    }
    return checkStatus(endpoint, response, attempt, of);
  }

  private VgacClientException transportFailure(Endpoint endpoint, int attempt, int of, Throwable cause) {
    String e = endpoint.toString();
    if (cause instanceof HttpConnectTimeoutException) {
      return new PlatformTimeoutException(e, message(endpoint, attempt, of,
          "connect timed out after " + config.connectTimeout().toMillis() + " ms"), cause);
    }
    if (cause instanceof HttpTimeoutException) {
      return new PlatformTimeoutException(e, message(endpoint, attempt, of,
          "no response within the request timeout of " + config.requestTimeout().toMillis() + " ms"), cause);
    }
    if (cause instanceof ConnectException) {
      return new PlatformUnavailableException(e, message(endpoint, attempt, of, "connection refused"), cause);
    }
    if (cause instanceof IOException) {
      return new PlatformUnavailableException(e, message(endpoint, attempt, of,
          "connection failed or closed early (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")"),
          cause);
    }
    return new PlatformUnavailableException(e, message(endpoint, attempt, of, "request failed: " + cause), cause);
  }

  private String checkStatus(Endpoint endpoint, HttpResponse<String> response, int attempt, int of) {
    int status = response.statusCode();
    String e = endpoint.toString();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    if (status == 429 || status >= 500) {
      Duration retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
      return raise(new PlatformUnavailableException(e, message(endpoint, attempt, of, "HTTP " + status
          + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toMillis() + " ms)")), status, retryAfter));
    }
    if (status >= 400) {
      return raise(new RequestRejectedException(e, message(endpoint, attempt, of, "rejected with HTTP " + status
          + (status == 401 || status == 403 ? " (check the API key)" : "")), status));
    }
    return raise(new BadResponseException(e, message(endpoint, attempt, of, "unexpected HTTP " + status)));
  }

  private static String raise(VgacClientException e) {
    throw e;
  }

  private <T> T decode(Endpoint endpoint, String body, Function<JsonNode, T> decoder, int attempt, int of) {
    String e = endpoint.toString();
    if (body.isBlank()) {
      throw new BadResponseException(e, message(endpoint, attempt, of, "empty body"));
    }
    JsonNode tree;
    try {
      tree = AgentsJson.mapper().readTree(body);
    } catch (JsonProcessingException x) {
      // the parser's message may quote the body: it is redacted like every message, and the parser's exception is
      // not kept as the cause (its message is not redacted)
      throw new BadResponseException(e, message(endpoint, attempt, of, "malformed JSON ("
          + x.getOriginalMessage() + (x.getLocation() == null ? "" : " at column " + x.getLocation().getColumnNr())
          + ")"));
    }
    try {
      return decoder.apply(tree);
    } catch (IllegalArgumentException x) {
      throw new BadResponseException(e, message(endpoint, attempt, of, "invalid response: " + x.getMessage()));
    }
  }

  private String message(Endpoint endpoint, int attempt, int of, String detail) {
    return ApiKeys.redact(endpoint + " at " + config.baseUrl() + " failed (attempt " + attempt + " of " + of + "): "
        + detail, key);
  }
}
