package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.validation.internal.Validation;

/** Checks of {@link Amount}s, run by the object that holds them; {@code v} is at the field. */
public final class Amounts {
  private Amounts() {}

  /** Checks the amount is not negative ({@code ValidatePositiveIntOrPercent}). */
  public static void validate(Validation v, Amount amount) {
    if (amount.isPercent()) {
      v.check(amount.value() >= 0, "must be >= 0%%, was %d%%", amount.value());
    } else {
      v.checkAtLeast(amount.value(), 0);
    }
  }

  /** Checks a percentage is at most 100% ({@code IsNotMoreThan100Percent}); counts pass. */
  public static void validateAtMost100Percent(Validation v, Amount amount) {
    if (amount.isPercent()) {
      v.check(amount.value() <= 100, "must be at most 100%%, was %d%%", amount.value());
    }
  }
}
