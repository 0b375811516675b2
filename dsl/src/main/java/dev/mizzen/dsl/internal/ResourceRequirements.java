package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.ExtendedResource;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.resources.Storage;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.Quantity;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A container's {@link Resources} by resource name, as they render, the QoS class reads them and
 * the checks see them; and the API server's checks of them
 * ({@code ValidateContainerResourceRequirements}).
 */
public final class ResourceRequirements {
  private static final String REQUESTS_PREFIX = "requests.";

  private ResourceRequirements() {}

  /** One resource's amount, whatever its type. */
  public record Amount(BigDecimal value, String text, Supplier<Quantity> quantitySupplier, boolean extended) {
    /** The client-java quantity; a fresh object each call. */
    public Quantity quantity() {
      return quantitySupplier.get();
    }
  }

  /** Requests by resource name: cpu, memory, ephemeral-storage, then extended resources. */
  public static Map<String, Amount> requests(Resources resources) {
    return amounts(resources.cpuRequest(), resources.memoryRequest(), resources.ephemeralStorageRequest(),
        resources.extendedRequests());
  }

  /** Limits by resource name: cpu, memory, ephemeral-storage, then extended resources. */
  public static Map<String, Amount> limits(Resources resources) {
    return amounts(resources.cpuLimit(), resources.memoryLimit(), resources.ephemeralStorageLimit(),
        resources.extendedLimits());
  }

  private static Map<String, Amount> amounts(Optional<Cpu> cpu, Optional<Memory> memory,
      Optional<Storage> storage, List<ExtendedResource> extended) {
    Map<String, Amount> amounts = new LinkedHashMap<>();
    cpu.ifPresent(c -> amounts.put(Resources.CPU, new Amount(c.toCores(), c.toString(), c::toQuantity, false)));
    memory.ifPresent(m -> amounts.put(Resources.MEMORY,
        new Amount(BigDecimal.valueOf(m.toBytes()), m.toString(), m::toQuantity, false)));
    storage.ifPresent(s -> amounts.put(Resources.EPHEMERAL_STORAGE,
        new Amount(BigDecimal.valueOf(s.toBytes()), s.toString(), s::toQuantity, false)));
    extended.forEach(e -> amounts.putIfAbsent(e.name(),
        new Amount(e.amount(), e.quantity(), e::toQuantity, true)));
    return amounts;
  }

  /**
   * Checks the API server's rules ({@code ValidateContainerResourceRequirements}); {@code v} is
   * positioned at the container's {@code resources}.
   */
  public static void validate(Validation v, Resources resources) {
    Validation requests = v.field("requests");
    Validation limits = v.field("limits");
    Map<String, Amount> limitAmounts = limits(resources);
    validateExtended(limits, resources.extendedLimits());
    validateExtended(requests, resources.extendedRequests());
    limitAmounts.forEach((name, amount) -> checkNonNegative(limits.key(name), amount));
    requests(resources).forEach((name, amount) -> {
      Validation request = requests.key(name);
      checkNonNegative(request, amount);
      Amount limit = limitAmounts.get(name);
      if (amount.extended()) {
        if (limit == null) {
          limits.key(name).problem("must be set, equal to the request (%s), because extended resources"
              + " cannot be overcommitted (setting only the limit is enough: the API server copies it"
              + " to the request)", amount.text());
        } else {
          request.check(amount.value().compareTo(limit.value()) == 0, "must equal the %s limit (%s),"
              + " because extended resources cannot be overcommitted; was %s", name, limit.text(), amount.text());
        }
      } else if (limit != null && amount.value().signum() >= 0 && limit.value().signum() >= 0) {
        request.check(amount.value().compareTo(limit.value()) <= 0,
            "must be at most the %s limit (%s), was %s", name, limit.text(), amount.text());
      }
    });
  }

  private static void checkNonNegative(Validation v, Amount amount) {
    v.check(amount.value().signum() >= 0, "must not be negative, was %s", amount.text());
  }

  private static void validateExtended(Validation at, List<ExtendedResource> resources) {
    Set<String> seen = new HashSet<>();
    for (ExtendedResource resource : resources) {
      Validation entry = at.key(resource.name());
      validateName(entry, resource.name());
      entry.check(seen.add(resource.name()), "is set more than once");
      entry.check(resource.isInteger(),
          "must be a whole number (extended resources are counted in units), was %s", resource.quantity());
    }
  }

  /** Checks an extended resource's name as {@code validateContainerResourceName} and {@code IsExtendedResourceName} do. */
  private static void validateName(Validation v, String name) {
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
}
