package dev.mizzen.dsl.config;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The value of one Secret entry: text or bytes that are never printed. {@link #toString()} says
 * {@code <redacted>}, so a Secret, its map of values or an exception quoting them never shows
 * one; reading a value takes an explicit {@link #reveal()} or {@link #revealBytes()}.
 */
public final class SecretValue {
  private final byte[] bytes;
  private final boolean text;

  private SecretValue(byte[] bytes, boolean text) {
    this.bytes = bytes;
    this.text = text;
  }

  /** Text, stored as UTF-8 and rendered, like bytes, base64-encoded under {@code data}. */
  public static SecretValue text(String value) {
    requireNonNull(value, "value");
    return new SecretValue(value.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Bytes (copied), rendered base64-encoded under {@code data}. */
  public static SecretValue bytes(byte[] value) {
    requireNonNull(value, "value");
    return new SecretValue(value.clone(), false);
  }

  /** Whether this was given as text rather than bytes (both render the same, under {@code data}). */
  public boolean isText() {
    return text;
  }

  /** The size in bytes (UTF-8 for text), as the API server counts it against the 1 MiB limit. */
  public int size() {
    return bytes.length;
  }

  /** The value as text (bytes decoded as UTF-8). Handle with care: this is the secret. */
  public String reveal() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A copy of the value's bytes. Handle with care: this is the secret. */
  public byte[] revealBytes() {
    return bytes.clone();
  }

  /** Equal when both are text or both bytes, with the same content (compared in constant time). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SecretValue that && text == that.text && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(text) + Arrays.hashCode(bytes);
  }

  /** Always {@code <redacted>}: the value is never printed. */
  @Override
  public String toString() {
    return "<redacted>";
  }
}
