package dev.mizzen.dsl.probe;

import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.custom.IntOrString;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.immutables.value.Value;

/** A container port, by number ({@code 8080}) or by the name of a declared port ({@code "http"}). */
@Value.Immutable(builder = false)
public abstract class PortRef {

  /** The port number, when given by number. */
  @Value.Parameter
  public abstract OptionalInt number();

  /** The port name, when given by name. */
  @Value.Parameter
  public abstract Optional<String> name();

  /** Port {@code number}. */
  public static PortRef number(int number) {
    return ImmutablePortRef.of(OptionalInt.of(number), Optional.empty());
  }

  /** The container port named {@code name}. */
  public static PortRef named(String name) {
    return ImmutablePortRef.of(OptionalInt.empty(), Optional.of(name));
  }

  /** Whether the port is given by name. */
  public boolean isNamed() {
    return name().isPresent();
  }

  /** The client-java int-or-string. */
  public IntOrString toIntOrString() {
    return isNamed() ? new IntOrString(name().get()) : new IntOrString(number().getAsInt());
  }

  /**
   * Checks the number is 1..65535, or the name is a valid port name that the container declares
   * ({@code portNames}); {@code v} is positioned at the {@code port} field.
   */
  public void validate(Validation v, Set<String> portNames) {
    if (!isNamed()) {
      v.checkRange(number().getAsInt(), 1, 65535);
      return;
    }
    String name = name().get();
    if (Names.checkPortName(v, name) && !portNames.contains(name)) {
      if (portNames.isEmpty()) {
        v.problem("must name a port of the container, but it declares no named ports; was '%s'", name);
      } else {
        v.problem("must name a port of the container (%s), was '%s'",
            String.join(", ", new TreeSet<>(portNames)), name);
      }
    }
  }

  /** {@code 8080} or {@code http}. */
  @Override
  public String toString() {
    return isNamed() ? name().get() : Integer.toString(number().getAsInt());
  }
}
