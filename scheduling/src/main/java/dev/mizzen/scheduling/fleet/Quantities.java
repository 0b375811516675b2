package dev.mizzen.scheduling.fleet;

import dev.mizzen.validation.Names;
import dev.mizzen.validation.Validation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsing and checking of resource quantities. */
final class Quantities {
  private Quantities() {}

  static void validate(Validation resources, Map<String, String> quantities) {
    quantities.forEach((resource, quantity) -> {
      Validation at = resources.key(resource);
      Names.checkQualifiedName(at, resource);
      Quantity parsed;
      try {
        parsed = Quantity.fromString(quantity);
      } catch (QuantityFormatException | NumberFormatException | ArithmeticException e) {
        at.problem("must be a quantity such as 4, 500m or 16Gi, was '%s'", quantity);
        return;
      }
      if (at.check(parsed.getNumber().signum() >= 0, "must be 0 or more, was %s", quantity)
          && isInteger(resource)) {
        at.check(parsed.getNumber().stripTrailingZeros().scale() <= 0,
            "must be a whole number for %s, was %s", resource, quantity);
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

  static Map<String, Quantity> parse(Map<String, String> quantities) {
    Map<String, Quantity> parsed = new LinkedHashMap<>();
    quantities.forEach((resource, quantity) -> parsed.put(resource, Quantity.fromString(quantity)));
    return parsed;
  }
}
