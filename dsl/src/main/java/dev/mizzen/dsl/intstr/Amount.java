package dev.mizzen.dsl.intstr;

import io.kubernetes.client.custom.IntOrString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A number of pods given as a count ({@code 2}) or a percentage of a total ({@code 25%}), as
 * Kubernetes writes it in an {@code IntOrString} field (PodDisruptionBudget {@code minAvailable},
 * Deployment {@code maxSurge}, ...).
 *
 * <pre>{@code
 * Amount.count(2);        // renders 2
 * Amount.percent(25);     // renders "25%"
 * Amount.parse("25%");    // the same as Amount.percent(25)
 * }</pre>
 *
 * <p>Like every nested value, an {@code Amount} does not reject a bad number when created: the
 * object that holds it reports it, with its field path, when that object is built (a negative
 * amount, a percentage above 100%).
 */
@Value.Immutable(builder = false)
public abstract class Amount {
  private static final Pattern TEXT = Pattern.compile("(-?[0-9]+)(%?)");

  /** {@code count} pods. */
  public static Amount count(int count) {
    return ImmutableAmount.of(count, false);
  }

  /** {@code percent} percent of the total (rounded as the field that uses it says). */
  public static Amount percent(int percent) {
    return ImmutableAmount.of(percent, true);
  }

  /**
   * Reads {@code "3"} as a count and {@code "25%"} as a percentage.
   *
   * @throws IllegalArgumentException if {@code text} is neither an integer nor an integer followed by {@code %}
   */
  public static Amount parse(String text) {
    Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "amount must be an integer (\"3\") or a percentage (\"25%\"), was '" + text + "'");
    }
    int value;
    try {
      value = Integer.parseInt(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount is out of the int range, was '" + text + "'", e);
    }
    return matcher.group(2).isEmpty() ? count(value) : percent(value);
  }

  /** Reads a client-java value: an int is a count, a string is {@linkplain #parse(String) parsed}. */
  public static Amount from(IntOrString value) {
    return value.isInteger() ? count(value.getIntValue()) : parse(value.getStrValue());
  }

  /** The count, or the percentage without its {@code %}. */
  @Value.Parameter
  public abstract int value();

  /** Whether {@link #value()} is a percentage. */
  @Value.Parameter
  public abstract boolean isPercent();

  /** Whether {@link #value()} is a count of pods. */
  public final boolean isCount() {
    return !isPercent();
  }

  /** Whether this is zero pods ({@code 0} or {@code 0%}). */
  public final boolean isZero() {
    return value() == 0;
  }

  /** The client-java form: an int for a count, {@code "25%"} for a percentage. */
  public final IntOrString toIntOrString() {
    return isPercent() ? new IntOrString(value() + "%") : new IntOrString(value());
  }

  /**
   * The number of pods this means out of {@code total}, as Kubernetes computes it
   * ({@code GetScaledValueFromIntOrPercent}): a count as is, a percentage of {@code total}
   * rounded up or down.
   */
  public final int scaledValue(int total, boolean roundUp) {
    if (isCount()) {
      return value();
    }
    long numerator = (long) value() * total;
    return (int) (roundUp ? -Math.floorDiv(-numerator, 100L) : Math.floorDiv(numerator, 100L));
  }

  /** {@code 3} or {@code 25%}, as written in a manifest. */
  @Override
  public final String toString() {
    return isPercent() ? value() + "%" : Integer.toString(value());
  }
}
