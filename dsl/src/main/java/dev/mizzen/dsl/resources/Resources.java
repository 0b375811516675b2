package dev.mizzen.dsl.resources;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a container requests (the scheduler reserves it) and what it is limited to (the kubelet
 * enforces it).
 *
 * <pre>{@code
 * Resources.requests(Cpu.millis(250), Memory.mebibytes(256))
 *     .limits(Cpu.millis(500), Memory.mebibytes(512))
 *     .limit(ExtendedResource.of("nvidia.com/gpu", 1))
 *     .build();
 * }</pre>
 *
 * <p>Nothing is set by default ({@link #none()}): a container without requests or limits is
 * BestEffort. Validated (at {@code resources}): no negative amounts, each request at most its
 * limit, extended resources with valid names, whole amounts and a request equal to the limit.
 */
@Value.Immutable
public abstract class Resources {
  /** The resource name of CPU. */
  public static final String CPU = "cpu";
  /** The resource name of memory. */
  public static final String MEMORY = "memory";
  /** The resource name of ephemeral (node-local, non-volume) storage. */
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";

  private static final Resources NONE = new Builder().build();

  /** The CPU the scheduler reserves. */
  public abstract Optional<Cpu> cpuRequest();

  /** The memory the scheduler reserves. */
  public abstract Optional<Memory> memoryRequest();

  /** The ephemeral storage the scheduler reserves. */
  public abstract Optional<Storage> ephemeralStorageRequest();

  /** Requested extended resources, in order. */
  public abstract List<ExtendedResource> extendedRequests();

  /** The CPU the container is throttled at. */
  public abstract Optional<Cpu> cpuLimit();

  /** The memory beyond which the container is OOM-killed. */
  public abstract Optional<Memory> memoryLimit();

  /** The ephemeral storage beyond which the pod is evicted. */
  public abstract Optional<Storage> ephemeralStorageLimit();

  /** Extended resource limits, in order. */
  public abstract List<ExtendedResource> extendedLimits();

  /** No requests and no limits. */
  public static Resources none() {
    return NONE;
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Requests {@code cpu} and {@code memory}. */
  public static Builder requests(Cpu cpu, Memory memory) {
    return new Builder().requests(cpu, memory);
  }

  /** Requests {@code cpu}. */
  public static Builder requests(Cpu cpu) {
    return new Builder().cpuRequest(cpu);
  }

  /** Requests {@code memory}. */
  public static Builder requests(Memory memory) {
    return new Builder().memoryRequest(memory);
  }

  /** Limits to {@code cpu} and {@code memory} (the API server then requests the same). */
  public static Builder limits(Cpu cpu, Memory memory) {
    return new Builder().limits(cpu, memory);
  }

  /** Whether nothing is requested or limited. */
  public boolean isEmpty() {
    return requestMap().isEmpty() && limitMap().isEmpty();
  }

  /** The client-java model; {@code requests} and {@code limits} are null when empty. A fresh object each call. */
  public V1ResourceRequirements toV1ResourceRequirements() {
    // client-java starts every list and map empty; Mizzen leaves unset fields null.
    V1ResourceRequirements rendered = new V1ResourceRequirements().claims(null);
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requestMap().forEach((name, amount) -> requests.put(name, amount.quantity()));
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limitMap().forEach((name, amount) -> limits.put(name, amount.quantity()));
    rendered.setRequests(requests.isEmpty() ? null : requests);
    rendered.setLimits(limits.isEmpty() ? null : limits);
    return rendered;
  }

  /**
   * Checks the API server's rules ({@code ValidateContainerResourceRequirements}); {@code v} is
   * positioned at the container's {@code resources}.
   */
  public void validate(Validation v) {
    Validation requests = v.field("requests");
    Validation limits = v.field("limits");
    Map<String, Amount> limitAmounts = limitMap();
    validateExtended(limits, extendedLimits());
    validateExtended(requests, extendedRequests());
    limitAmounts.forEach((name, amount) -> checkNonNegative(limits.key(name), amount));
    requestMap().forEach((name, amount) -> {
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
      resource.validateName(entry);
      entry.check(seen.add(resource.name()), "is set more than once");
      entry.check(resource.isInteger(),
          "must be a whole number (extended resources are counted in units), was %s", resource.quantity());
    }
  }

  /** Requests by resource name: cpu, memory, ephemeral-storage, then extended resources. */
  Map<String, Amount> requestMap() {
    return amounts(cpuRequest(), memoryRequest(), ephemeralStorageRequest(), extendedRequests());
  }

  /** Limits by resource name: cpu, memory, ephemeral-storage, then extended resources. */
  Map<String, Amount> limitMap() {
    return amounts(cpuLimit(), memoryLimit(), ephemeralStorageLimit(), extendedLimits());
  }

  private static Map<String, Amount> amounts(Optional<Cpu> cpu, Optional<Memory> memory,
      Optional<Storage> storage, List<ExtendedResource> extended) {
    Map<String, Amount> amounts = new LinkedHashMap<>();
    cpu.ifPresent(c -> amounts.put(CPU, new Amount(c.value(), c.toString(), c::toQuantity, false)));
    memory.ifPresent(m -> amounts.put(MEMORY, new Amount(m.value(), m.toString(), m::toQuantity, false)));
    storage.ifPresent(s -> amounts.put(EPHEMERAL_STORAGE,
        new Amount(s.value(), s.toString(), s::toQuantity, false)));
    extended.forEach(e -> amounts.putIfAbsent(e.name(),
        new Amount(e.value(), e.quantity(), e::toQuantity, true)));
    return amounts;
  }

  /** One resource's amount, whatever its type. */
  record Amount(BigDecimal value, String text, java.util.function.Supplier<Quantity> quantitySupplier,
      boolean extended) {
    Quantity quantity() {
      return quantitySupplier.get();
    }
  }

  /** Builds {@link Resources}; nothing is checked until the owning object is built. */
  public static final class Builder extends ImmutableResources.Builder {
    Builder() {}

    /** Requests {@code cpu} and {@code memory}. */
    public Builder requests(Cpu cpu, Memory memory) {
      return cpuRequest(cpu).memoryRequest(memory);
    }

    /** Limits to {@code cpu} and {@code memory}. */
    public Builder limits(Cpu cpu, Memory memory) {
      return cpuLimit(cpu).memoryLimit(memory);
    }

    /** Limits memory only (a common choice: no CPU limit, so no throttling). */
    public Builder limits(Memory memory) {
      return memoryLimit(memory);
    }

    /** Limits CPU only. */
    public Builder limits(Cpu cpu) {
      return cpuLimit(cpu);
    }

    /** Requests an extended resource (its limit must be set too, to the same amount). */
    public Builder request(ExtendedResource resource) {
      return addExtendedRequest(resource);
    }

    /** Limits an extended resource (the API server requests the same amount). */
    public Builder limit(ExtendedResource resource) {
      return addExtendedLimit(resource);
    }

    /** Requests and limits ephemeral storage. */
    public Builder ephemeralStorage(Storage request, Storage limit) {
      return ephemeralStorageRequest(request).ephemeralStorageLimit(limit);
    }
  }
}
