package dev.mizzen.dsl.resources;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.quantity.QuantityFormat;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * An amount of an extended resource advertised by a device plugin or an operator, such as
 * {@code nvidia.com/gpu}.
 *
 * <pre>{@code
 * ExtendedResource.of("nvidia.com/gpu", 1)
 * }</pre>
 *
 * <p>The API server requires a fully qualified name, a whole number, and (because extended
 * resources cannot be overcommitted) a request equal to the limit. It copies a missing request
 * from the limit, so setting only the limit is enough. Names in a {@code kubernetes.io} domain
 * are refused, more strictly than the API server (which takes them for native resources): the
 * kubelet refuses device plugins that advertise them, so no node offers them.
 */
@Value.Immutable(builder = false)
public abstract class ExtendedResource {

  /** The resource name, such as {@code nvidia.com/gpu}. */
  @Value.Parameter
  public abstract String name();

  /** The amount, normalized. */
  @Value.Parameter
  abstract BigDecimal value();

  /** How the amount renders. */
  @Value.Parameter
  abstract QuantityFormat format();

  /** {@code count} units of {@code name}. */
  public static ExtendedResource of(String name, long count) {
    return ImmutableExtendedResource.of(
        name, Quantities.checked(name, count, BigDecimal.valueOf(count)), QuantityFormat.DECIMAL_SI);
  }

  /**
   * {@code name} with an amount written as a Kubernetes quantity ({@code "2"}, {@code "1k"}).
   * Whether it is a whole number is checked when the object holding its container is built.
   *
   * @throws IllegalArgumentException if {@code quantity} is not a Kubernetes quantity
   */
  public static ExtendedResource parse(String name, String quantity) {
    Quantities.Parsed parsed = Quantities.parse(name, quantity);
    return ImmutableExtendedResource.of(name, parsed.value(), parsed.format());
  }

  /** The exact amount. */
  public BigDecimal amount() {
    return value().scale() < 0 ? value().setScale(0) : value();
  }

  /** Whether the amount is a whole number, as the API server requires of extended resources. */
  public boolean isInteger() {
    return Quantities.isInteger(value());
  }

  /** The canonical quantity, as the API server renders it ({@code 1}, {@code 2k}). */
  public String quantity() {
    return Quantities.format(value(), format());
  }

  /** The client-java quantity; it serializes to {@link #quantity()}. A fresh object each call. */
  public Quantity toQuantity() {
    return Quantities.toQuantity(value(), format());
  }

  /** Whether both have the same amount, regardless of rendering. */
  boolean sameAmount(ExtendedResource other) {
    return value().compareTo(other.value()) == 0;
  }

  /** {@code nvidia.com/gpu=1}. */
  @Override
  public String toString() {
    return name() + "=" + quantity();
  }
}
