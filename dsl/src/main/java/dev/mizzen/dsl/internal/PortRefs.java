package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import java.util.Set;
import java.util.TreeSet;

/** Checks of {@link PortRef}s, run by the object that holds them; {@code v} is at the field holding the port. */
public final class PortRefs {
  private PortRefs() {}

  /**
   * Checks a number lies in 1..65535 and a name is an IANA service name, as the API server's
   * {@code ValidatePortNumOrName} does for every field that takes a port by number or name (no
   * such field takes 0). Returns whether it passed.
   */
  public static boolean validate(Validation v, PortRef port) {
    if (port.isName()) {
      return Names.checkPortName(v, port.name().get());
    }
    return v.checkRange(port.number().getAsInt(), 1, 65535);
  }

  /**
   * Checks the port as {@link #validate(Validation, PortRef)} does and, when it is a name, that
   * the container declares a port of that name ({@code portNames}): the port of a probe or a
   * lifecycle hook, which the kubelet resolves among the container's ports (the API server does
   * not look).
   */
  public static void validateInContainer(Validation v, PortRef port, Set<String> portNames) {
    if (!validate(v, port) || !port.isName() || portNames.contains(port.name().get())) {
      return;
    }
    if (portNames.isEmpty()) {
      v.problem("must name a port of the container, but it declares no named ports; was '%s'", port.name().get());
    } else {
      v.problem("must name a port of the container (%s), was '%s'",
          String.join(", ", new TreeSet<>(portNames)), port.name().get());
    }
  }
}
