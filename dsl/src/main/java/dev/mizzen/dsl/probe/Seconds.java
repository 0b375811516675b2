package dev.mizzen.dsl.probe;

import dev.mizzen.validation.Validation;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations that Kubernetes counts in whole seconds (probe timing, grace periods, sleep hooks):
 * the DSL takes {@link Duration}s and checks that they convert exactly.
 */
public final class Seconds {
  /** The largest value of a 32-bit seconds field ({@code periodSeconds}, ...). */
  public static final long INT32_MAX = Integer.MAX_VALUE;

  private Seconds() {}

  /**
   * Checks that {@code duration} is a whole number of seconds within {@code min..max} seconds,
   * reporting at {@code v}: {@code must be a whole number of seconds ..., was 0.5s}. Returns
   * whether it is.
   */
  public static boolean check(Validation v, Duration duration, long min, long max) {
    if (!v.check(duration.getNano() == 0,
        "must be a whole number of seconds (Kubernetes counts this field in seconds), was %s", format(duration))) {
      return false;
    }
    long seconds = duration.getSeconds();
    if (max >= INT32_MAX) {
      return v.check(seconds >= min, "must be at least %ds, was %s", min, format(duration))
          && v.check(seconds <= max, "must be at most %ds, was %s", max, format(duration));
    }
    return v.check(seconds >= min && seconds <= max, "must be %ds..%ds, was %s", min, max, format(duration));
  }

  /** {@code 5s}, {@code 0.5s}, {@code 90s}: a duration as messages show it. */
  public static String format(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros();
    return seconds.toPlainString() + "s";
  }

  /** The whole seconds of a duration checked by {@link #check}, as an {@code int} field takes them. */
  public static int toInt(Duration duration) {
    return Math.toIntExact(duration.getSeconds());
  }
}
