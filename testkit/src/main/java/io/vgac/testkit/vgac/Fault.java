package io.vgac.testkit.vgac;

import java.time.Duration;

/**
 * A failure {@link FakeVgacServer} injects into one response (or every response, see
 * {@link FakeVgacServer#failAlways}). Build them with the static factories.
 */
public sealed interface Fault {

  /** Answers {@code status} with a small JSON error body (e.g. 500, 503, 400, 401, 404). */
  static Fault status(int status) {
    return new Status(status);
  }

  /** Answers 429 with {@code Retry-After: retryAfter} (seconds such as {@code "2"}, or an HTTP-date). */
  static Fault tooManyRequests(String retryAfter) {
    return new TooManyRequests(retryAfter);
  }

  /** Answers 200 with a body that is not JSON. */
  static Fault malformedJson() {
    return new MalformedJson();
  }

  /** Answers 200 with the first half of the normal JSON body, correctly framed (Content-Length matches). */
  static Fault truncatedJson() {
    return new TruncatedJson();
  }

  /** Announces the normal body's length, sends half of it, and closes the connection. */
  static Fault contentLengthMismatch() {
    return new ContentLengthMismatch();
  }

  /** Sends the normal headers at once, then the body one byte every {@code perByte} (a slow body). */
  static Fault trickle(Duration perByte) {
    return new Trickle(perByte);
  }

  /** Waits {@code delay} before answering normally (a slow server: nothing arrives until then). */
  static Fault delayHeaders(Duration delay) {
    return new DelayHeaders(delay);
  }

  /** Closes the connection without any response. */
  static Fault dropConnection() {
    return new DropConnection();
  }

  /** See {@link #status}. */
  record Status(int status) implements Fault {}

  /** See {@link #tooManyRequests}. */
  record TooManyRequests(String retryAfter) implements Fault {}

  /** See {@link #malformedJson}. */
  record MalformedJson() implements Fault {}

  /** See {@link #truncatedJson}. */
  record TruncatedJson() implements Fault {}

  /** See {@link #contentLengthMismatch}. */
  record ContentLengthMismatch() implements Fault {}

  /** See {@link #trickle}. */
  record Trickle(Duration perByte) implements Fault {}

  /** See {@link #delayHeaders}. */
  record DelayHeaders(Duration delay) implements Fault {}

  /** See {@link #dropConnection}. */
  record DropConnection() implements Fault {}
}
