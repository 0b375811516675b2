package dev.mizzen.dsl.workload;

import dev.mizzen.validation.Validation;
import java.time.Duration;

/** Durations that the API stores as whole seconds ({@code int32} or {@code int64} fields). */
final class Seconds {
  /** The largest value of an {@code int32} seconds field. */
  static final long INT32 = Integer.MAX_VALUE;
  /** No upper bound beyond {@code int64}. */
  static final long INT64 = Long.MAX_VALUE;

  private Seconds() {}

  /** Checks {@code d} is whole seconds in {@code min..max} seconds; returns whether it is. */
  static boolean check(Validation v, Duration d, long min, long max) {
    if (!v.check(d.getNano() == 0, "must be whole seconds, was %s", d)) {
      return false;
    }
    long seconds = d.getSeconds();
    if (max == INT64) {
      return v.check(seconds >= min, "must be at least %d second%s, was %d", min, min == 1 ? "" : "s", seconds);
    }
    return v.check(seconds >= min && seconds <= max, "must be %d..%d seconds, was %d", min, max, seconds);
  }

  /** The whole seconds of a checked {@code int32} field. */
  static int toInt(Duration d) {
    return (int) d.getSeconds();
  }
}
