package io.vgac.client;

/** The platform answered with a body that is not the contract's: malformed or truncated JSON, a missing field or an invalid value. */
public final class BadResponseException extends VgacClientException {
  private static final long serialVersionUID = 1L;

  BadResponseException(String endpoint, String message, Throwable cause) {
    super(endpoint, message, cause);
  }

  BadResponseException(String endpoint, String message) {
    super(endpoint, message);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
