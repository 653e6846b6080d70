package io.vgac.client;

/**
 * Why a call to the VGAC platform failed. The message names the endpoint (method and path), the base URL and the
 * attempt, and never contains the API key.
 *
 * <table>
 *   <caption>Kinds</caption>
 *   <tr><th>type</th><th>cause</th><th>retried</th></tr>
 *   <tr><td>{@link PlatformUnavailableException}</td><td>connection refused or reset, HTTP 5xx, 429</td><td>yes</td></tr>
 *   <tr><td>{@link PlatformTimeoutException}</td><td>connect timeout, request deadline (incl. slow bodies)</td>
 *       <td>yes</td></tr>
 *   <tr><td>{@link BadResponseException}</td><td>malformed or truncated JSON, invalid field values</td><td>yes</td></tr>
 *   <tr><td>{@link RequestRejectedException}</td><td>HTTP 4xx other than 429</td><td>no</td></tr>
 *   <tr><td>{@link CircuitOpenException}</td><td>the circuit breaker is open: no request was sent</td><td>no</td></tr>
 * </table>
 */
public abstract sealed class VgacClientException extends RuntimeException
    permits PlatformUnavailableException, PlatformTimeoutException, BadResponseException, RequestRejectedException,
        CircuitOpenException {
  private static final long serialVersionUID = 1L;

  private final String endpoint;

  VgacClientException(String endpoint, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
  }

  VgacClientException(String endpoint, String message) {
    super(message);
    this.endpoint = endpoint;
  }

  /** The endpoint called, e.g. {@code GET /api/cluster/summary}. */
  public String endpoint() {
    return endpoint;
  }

  /** Whether another attempt may succeed (the client retries these itself, within its bounds). */
  public abstract boolean isTransient();
}
