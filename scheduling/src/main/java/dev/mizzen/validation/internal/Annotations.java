package dev.mizzen.validation.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The API server's checks of {@code metadata.annotations} ({@code ValidateAnnotations}). */
public final class Annotations {
  /** The largest total size of an object's annotations, keys and values, in UTF-8 bytes. */
  public static final int MAX_TOTAL_SIZE = 256 * 1024;

  private Annotations() {}

  /**
   * Checks each key ({@link Names#checkAnnotationKey}) at {@code annotations[key]} and the
   * total size, the UTF-8 bytes of every key and value ({@code ValidateAnnotationsSize}), at
   * {@code annotations}.
   */
  public static void validate(Validation annotations, Map<String, String> values) {
    long size = 0;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      Names.checkAnnotationKey(annotations.key(entry.getKey()), entry.getKey());
      size += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
    }
    annotations.check(size <= MAX_TOTAL_SIZE, "total size must be at most %d bytes (UTF-8, keys and values),"
        + " was %d", MAX_TOTAL_SIZE, size);
  }

  /** The length of {@code s} in UTF-8 bytes, as Go's {@code len} counts it. */
  public static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
