package io.vgac.client;

/** The circuit breaker is open after repeated failures: the call failed fast and sent no request. */
public final class CircuitOpenException extends VgacClientException {
  private static final long serialVersionUID = 1L;

  CircuitOpenException(String endpoint, String message, Throwable cause) {
    super(endpoint, message, cause);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
