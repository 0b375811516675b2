package dev.mizzen.dsl.resources;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.quantity.QuantityFormat;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
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
 * <p>The API server requires a fully qualified name outside {@code kubernetes.io}, a whole
 * number, and (because extended resources cannot be overcommitted) a request equal to the
 * limit. It copies a missing request from the limit, so setting only the limit is enough.
 */
@Value.Immutable(builder = false)
public abstract class ExtendedResource {
  private static final String REQUESTS_PREFIX = "requests.";

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
   * Whether it is a whole number is checked by {@link Resources#validate}.
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

  /** Checks the name as {@code validateContainerResourceName} and {@code IsExtendedResourceName} do. */
  void validateName(Validation v) {
    String name = name();
    if (!v.check(name.contains("/"), "must be a fully qualified extended resource name such as"
        + " example.com/device (cpu, memory and ephemeral-storage have their own types), was '%s'", name)) {
      return;
    }
    if (!v.check(!name.contains("kubernetes.io/"),
        "must not be in the kubernetes.io domain, which is reserved for native resources, was '%s'", name)) {
      return;
    }
    if (!v.check(!name.startsWith(REQUESTS_PREFIX), "must not start with 'requests.', was '%s'", name)) {
      return;
    }
    if (Names.checkQualifiedName(v, name)) {
      String prefix = name.substring(0, name.indexOf('/'));
      v.check(REQUESTS_PREFIX.length() + prefix.length() <= Names.DNS1123_SUBDOMAIN_MAX,
          "must have a prefix of at most %d characters (the API server prepends 'requests.' for quota),"
              + " was %d", Names.DNS1123_SUBDOMAIN_MAX - REQUESTS_PREFIX.length(), prefix.length());
    }
  }

  /** {@code nvidia.com/gpu=1}. */
  @Override
  public String toString() {
    return name() + "=" + quantity();
  }
}
