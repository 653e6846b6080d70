package io.vgac.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature (version {@code v0}): {@code "v0=" + hex(HMAC-SHA256(signingSecret,
 * "v0:" + timestamp + ":" + rawBody))}, sent as {@code X-Slack-Signature} with the timestamp in
 * {@code X-Slack-Request-Timestamp}. Pure functions.
 */
public final class SlackSignatures {
  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  /** The header carrying the request's Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  /** The only signature version Slack uses. */
  public static final String VERSION = "v0";

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private SlackSignatures() {}

  /** The signature Slack sends for {@code rawBody} at {@code timestamp}. */
  public static String sign(String signingSecret, String timestamp, String rawBody) {
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // HmacSHA256 is required of every JRE, and any non-empty key is valid
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
    byte[] digest = mac.doFinal((VERSION + ":" + timestamp + ":" + rawBody).getBytes(StandardCharsets.UTF_8));
    char[] out = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return VERSION + "=" + new String(out);
  }

  /** Whether {@code signature} is the one of {@code rawBody} at {@code timestamp}; compared in constant time. */
  public static boolean matches(String signingSecret, String timestamp, String rawBody, String signature) {
    byte[] expected = sign(signingSecret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signature.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }
}
