package dev.mizzen.dsl.port;

import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.IntOrString;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * A port given by number ({@code 8080}) or by name ({@code http}): a probe's or lifecycle hook's
 * port (a name of a container port), a Service's target port (a name of a pod's container port),
 * a NetworkPolicy port, an Ingress backend's port (a name of a Service port).
 *
 * <pre>{@code
 * PortRef.number(8080)
 * PortRef.name("http")
 * }</pre>
 */
@Value.Immutable
public abstract class PortRef {

  /** The port numbered {@code number} (1..65535). */
  public static PortRef number(int number) {
    return ImmutablePortRef.builder().number(number).build();
  }

  /** The port named {@code name} (an IANA service name: at most 15 lowercase letters, digits, '-'). */
  public static PortRef name(String name) {
    return ImmutablePortRef.builder().name(name).build();
  }

  /** The port's number, when given by number. */
  public abstract OptionalInt number();

  /** The port's name, when given by name. */
  public abstract Optional<String> name();

  /** Whether the port is given by name. */
  public final boolean isName() {
    return name().isPresent();
  }

  /** The client-java form: an int or a string. */
  public final IntOrString toIntOrString() {
    return isName() ? new IntOrString(name().get()) : new IntOrString(number().getAsInt());
  }

  /**
   * Checks a number lies in 1..65535 and a name is an IANA service name, as the API server's
   * {@code ValidatePortNumOrName} does for every field that takes a port by number or name (no
   * such field takes 0); {@code v} is at the field holding the port. Returns whether it passed.
   */
  public final boolean validate(Validation v) {
    if (isName()) {
      return Names.checkPortName(v, name().get());
    }
    return v.checkRange(number().getAsInt(), 1, 65535);
  }

  /**
   * Checks the port as {@link #validate(Validation)} does and, when it is a name, that the
   * container declares a port of that name ({@code portNames}): the port of a probe or a
   * lifecycle hook, which the kubelet resolves among the container's ports (the API server does
   * not look). {@code v} is at the field holding the port.
   */
  public final void validateInContainer(Validation v, Set<String> portNames) {
    if (!validate(v) || !isName() || portNames.contains(name().get())) {
      return;
    }
    if (portNames.isEmpty()) {
      v.problem("must name a port of the container, but it declares no named ports; was '%s'", name().get());
    } else {
      v.problem("must name a port of the container (%s), was '%s'",
          String.join(", ", new TreeSet<>(portNames)), name().get());
    }
  }

  @Value.Check
  protected void check() {
    if (number().isPresent() == name().isPresent()) {
      throw new IllegalStateException("a port is given by number or by name, exactly one of them");
    }
  }

  /** {@code 8080} or {@code http}. */
  @Override
  public final String toString() {
    return isName() ? name().get() : Integer.toString(number().getAsInt());
  }
}
