package dev.mizzen.dsl.workload;

import dev.mizzen.validation.Validation;
import java.time.Duration;

/** Durations that the API stores as whole seconds. */
final class Seconds {
  private Seconds() {}

  /** Checks {@code d} is whole seconds in {@code min..max} seconds; returns whether it is. */
  static boolean check(Validation v, Duration d, long min, long max) {
    if (!v.check(d.getNano() == 0, "must be whole seconds, was %s", d)) {
      return false;
    }
    return v.check(d.getSeconds() >= min && d.getSeconds() <= max,
        "must be %d..%d seconds, was %d", min, max, d.getSeconds());
  }

  static int toInt(Duration d) {
    return (int) d.getSeconds();
  }
}
