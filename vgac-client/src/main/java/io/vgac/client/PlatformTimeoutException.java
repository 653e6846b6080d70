package io.vgac.client;

/** The platform did not answer in time: the connect timeout, or the per-attempt deadline (headers and the whole body) passed. */
public final class PlatformTimeoutException extends VgacClientException {
  private static final long serialVersionUID = 1L;

  PlatformTimeoutException(String endpoint, String message, Throwable cause) {
    super(endpoint, message, cause);
  }

  PlatformTimeoutException(String endpoint, String message) {
    super(endpoint, message);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
