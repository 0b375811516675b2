package dev.mizzen.scheduling.fleet;

import dev.mizzen.quantity.Quantities;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A node's resource lists ({@code status.capacity}, {@code status.allocatable}): checks and models. */
final class NodeResources {
  private NodeResources() {}

  /** Checks each resource name and quantity, as {@code ValidateNodeResources} does; {@code resources} is at the list. */
  static void validate(Validation resources, Map<String, String> quantities) {
    quantities.forEach((resource, quantity) -> {
      Validation at = resources.key(resource);
      Names.checkQualifiedName(at, resource);
      Optional<BigDecimal> value = Quantities.read(quantity).map(Quantities.Parsed::value);
      if (value.isEmpty()) {
        at.problem("must be a quantity such as 4, 500m or 16Gi, was '%s'", quantity);
        return;
      }
      if (at.check(value.get().signum() >= 0, "must be 0 or more, was %s", quantity)
          && isInteger(resource)) {
        at.check(Quantities.isInteger(value.get()), "must be a whole number for %s, was %s", resource, quantity);
      }
    });
  }

  /**
   * Resources the API server only accepts in whole numbers: {@code pods} and extended
   * resources (a domain prefix outside {@code kubernetes.io}, such as {@code nvidia.com/gpu}).
   */
  static boolean isInteger(String resource) {
    if (resource.equals("pods")) {
      return true;
    }
    int slash = resource.indexOf('/');
    if (slash < 0 || resource.startsWith("requests.")) {
      return false;
    }
    String domain = resource.substring(0, slash);
    return !(domain.equals("kubernetes.io") || domain.endsWith(".kubernetes.io"));
  }

  /** The client-java quantities of checked resource lists. */
  static Map<String, Quantity> toQuantities(Map<String, String> quantities) {
    Map<String, Quantity> parsed = new LinkedHashMap<>();
    quantities.forEach((resource, quantity) -> parsed.put(resource, Quantities.toQuantity(
        Quantities.read(quantity).orElseThrow(() -> new IllegalArgumentException(
            "not a quantity: " + resource + "=" + quantity)))));
    return parsed;
  }
}
