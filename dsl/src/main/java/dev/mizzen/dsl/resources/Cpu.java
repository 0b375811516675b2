package dev.mizzen.dsl.resources;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.quantity.QuantityFormat;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * An amount of CPU, exact to 1n (a billionth of a core), as Kubernetes counts it.
 *
 * <pre>{@code
 * Cpu.millis(250)        // 250m
 * Cpu.cores(2)           // 2
 * Cpu.parse("1.5")       // 1500m
 * }</pre>
 *
 * <p>Values compare exactly ({@link #compareTo}); {@link #toString()} is the canonical text the
 * API server renders. Two values are {@code equals} when they have the same amount <em>and</em>
 * render the same way (like {@link BigDecimal}, {@code Cpu.parse("1k")} and
 * {@code Cpu.parse("1e3")} compare equal but render differently).
 */
@Value.Immutable(builder = false)
public abstract class Cpu implements Comparable<Cpu> {

  /** The amount in cores, normalized. */
  @Value.Parameter
  abstract BigDecimal value();

  /** How the amount renders. */
  @Value.Parameter
  abstract QuantityFormat format();

  /** {@code millis} thousandths of a core ({@code Cpu.millis(250)} renders {@code 250m}). */
  public static Cpu millis(long millis) {
    return of(BigDecimal.valueOf(millis, 3), QuantityFormat.DECIMAL_SI);
  }

  /** Whole cores ({@code Cpu.cores(2)} renders {@code 2}). */
  public static Cpu cores(long cores) {
    return of(BigDecimal.valueOf(cores), QuantityFormat.DECIMAL_SI);
  }

  /**
   * A Kubernetes quantity string: {@code 250m}, {@code 0.5}, {@code 2}, {@code 100u}, {@code 1e3}.
   *
   * @throws IllegalArgumentException if {@code quantity} is not a Kubernetes quantity, is more
   *     precise than 1n or larger than {@code 2^63-1}
   */
  public static Cpu parse(String quantity) {
    Quantities.Parsed parsed = Quantities.parse("cpu", quantity);
    return ImmutableCpu.of(parsed.value(), parsed.format());
  }

  static Cpu of(BigDecimal value, QuantityFormat format) {
    return ImmutableCpu.of(Quantities.checked("cpu", value.toPlainString(), value), format);
  }

  /** The exact amount in cores ({@code 0.25} for {@code 250m}). */
  public BigDecimal toCores() {
    return value().scale() < 0 ? value().setScale(0) : value();
  }

  /** The exact amount in millicores ({@code 250} for {@code 250m}, {@code 0.5} for {@code 500u}). */
  public BigDecimal toMillis() {
    BigDecimal millis = value().movePointRight(3).stripTrailingZeros();
    return millis.scale() < 0 ? millis.setScale(0) : millis;
  }

  /** Whether this is no CPU at all. */
  public boolean isZero() {
    return value().signum() == 0;
  }

  /** Whether this is less than zero (only arithmetic or parsing {@code -1} make such a value). */
  public boolean isNegative() {
    return value().signum() < 0;
  }

  /** The sum; it renders like this value (or like {@code other} when this is zero), as the API server adds. */
  public Cpu plus(Cpu other) {
    return of(value().add(other.value()), Quantities.sumFormat(value(), format(), other.format()));
  }

  /** The difference; may be negative. */
  public Cpu minus(Cpu other) {
    return of(value().subtract(other.value()), Quantities.sumFormat(value(), format(), other.format()));
  }

  /** This amount {@code factor} times ({@code Cpu.millis(250).times(4)} is {@code 1}). */
  public Cpu times(long factor) {
    return of(value().multiply(BigDecimal.valueOf(factor)), format());
  }

  /** Compares amounts exactly, regardless of how they render. */
  @Override
  public int compareTo(Cpu other) {
    return value().compareTo(other.value());
  }

  /** The client-java quantity; it serializes to {@link #toString()}. A fresh object each call. */
  public Quantity toQuantity() {
    return Quantities.toQuantity(value(), format());
  }

  /** The canonical quantity, as the API server renders it: {@code 250m}, {@code 2}, {@code 1500m}. */
  @Override
  public String toString() {
    return Quantities.format(value(), format());
  }
}
