package dev.mizzen.testkit.assertions;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Port references (by name or number) and the container ports they resolve to. */
final class Ports {
  private Ports() {}

  /** {@code http} or {@code 8080}; {@code (none)} for null. */
  static String describe(IntOrString port) {
    if (port == null) {
      return "(none)";
    }
    return port.isInteger() ? String.valueOf(port.getIntValue()) : port.getStrValue();
  }

  /** Every container port of {@code spec}: app containers, then init containers (sidecars). */
  static List<V1ContainerPort> containerPorts(V1PodSpec spec) {
    List<V1ContainerPort> ports = new ArrayList<>();
    if (spec == null) {
      return ports;
    }
    for (List<V1Container> containers : List.of(nonNull(spec.getContainers()), nonNull(spec.getInitContainers()))) {
      for (V1Container container : containers) {
        if (container.getPorts() != null) {
          ports.addAll(container.getPorts());
        }
      }
    }
    return ports;
  }

  /** The container port {@code ref} names or numbers, if a container declares it. */
  static Optional<V1ContainerPort> resolve(V1PodSpec spec, IntOrString ref) {
    for (V1ContainerPort port : containerPorts(spec)) {
      boolean matches = ref.isInteger()
          ? ref.getIntValue().equals(port.getContainerPort())
          : ref.getStrValue().equals(port.getName());
      if (matches) {
        return Optional.of(port);
      }
    }
    return Optional.empty();
  }

  /** {@code [http:8080, 9100]}: every container port of {@code spec}, named where it has a name. */
  static String describeAll(V1PodSpec spec) {
    List<String> shown = new ArrayList<>();
    for (V1ContainerPort port : containerPorts(spec)) {
      shown.add(port.getName() == null ? String.valueOf(port.getContainerPort())
          : port.getName() + ":" + port.getContainerPort());
    }
    return shown.toString();
  }

  /** The protocol, TCP when unset (the API server's default). */
  static String protocol(String protocol) {
    return protocol == null || protocol.isEmpty() ? "TCP" : protocol;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
