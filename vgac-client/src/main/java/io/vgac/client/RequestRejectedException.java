package io.vgac.client;

/** The platform rejected the request (HTTP 4xx other than 429): not retried, since the same request would be rejected again. */
public final class RequestRejectedException extends VgacClientException {
  private static final long serialVersionUID = 1L;

  private final int status;

  RequestRejectedException(String endpoint, String message, int status) {
    super(endpoint, message);
    this.status = status;
  }

  /** The HTTP status, 400–499 (never 429). */
  public int status() {
    return status;
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
