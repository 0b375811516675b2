package dev.mizzen.dsl.port;

import io.kubernetes.client.custom.IntOrString;
import java.util.Optional;
import java.util.OptionalInt;
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
