package dev.mizzen.validation.internal;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations that Kubernetes counts in whole seconds ({@code periodSeconds},
 * {@code terminationGracePeriodSeconds}, {@code minReadySeconds}, {@code tolerationSeconds},
 * ...): Mizzen takes {@link Duration}s and checks that they convert exactly, with one wording
 * everywhere:
 *
 * <pre>
 * must be a whole number of seconds, was 0.5s
 * must be at least 1s, was 0s
 * must be at most 2147483647s, was 2147483648s
 * must be 1s..86400s, was 90000s
 * </pre>
 */
public final class Seconds {
  /** The largest value of an {@code int32} seconds field ({@code periodSeconds}, {@code minReadySeconds}, ...). */
  public static final long INT32 = Integer.MAX_VALUE;
  /** The largest value of an {@code int64} seconds field: no bound in practice. */
  public static final long INT64 = Long.MAX_VALUE;

  private Seconds() {}

  /**
   * Checks that {@code duration} is a whole number of seconds within {@code min..max} seconds,
   * reporting at {@code v}. When {@code max} is a field type's own limit ({@link #INT32} or
   * more), each bound has its own message, so a negative value reads {@code must be at least 0s}
   * rather than naming 2147483647; a tighter range is shown whole ({@code must be 1s..86400s}).
   * Returns whether it passed.
   */
  public static boolean check(Validation v, Duration duration, long min, long max) {
    if (!v.check(duration.getNano() == 0, "must be a whole number of seconds, was %s", format(duration))) {
      return false;
    }
    long seconds = duration.getSeconds();
    if (max >= INT32) {
      return v.check(seconds >= min, "must be at least %ds, was %s", min, format(duration))
          && v.check(seconds <= max, "must be at most %ds, was %s", max, format(duration));
    }
    return v.check(seconds >= min && seconds <= max, "must be %ds..%ds, was %s", min, max, format(duration));
  }

  /** {@code 5s}, {@code 0.5s}, {@code -1s}, {@code 120s}: a duration as messages show it. */
  public static String format(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros();
    return seconds.toPlainString() + "s";
  }

  /** The whole seconds of a duration checked by {@link #check} against {@link #INT32}, as an {@code int} field takes them. */
  public static int toInt(Duration duration) {
    return Math.toIntExact(duration.getSeconds());
  }
}
