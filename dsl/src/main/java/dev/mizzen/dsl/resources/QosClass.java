package dev.mizzen.dsl.resources;

import dev.mizzen.dsl.internal.ResourceRequirements;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod's quality-of-service class, which decides who is evicted first under node pressure.
 * {@link #of} computes it from the resources of every container and init container exactly as
 * the API server does ({@code ComputePodQOS}), after its defaulting (a container's missing
 * request takes its limit).
 */
public enum QosClass {
  /** Every container limits CPU and memory, and every request equals its limit. */
  GUARANTEED("Guaranteed"),
  /** Something is requested or limited, but the pod is not Guaranteed. */
  BURSTABLE("Burstable"),
  /** No container requests or limits CPU or memory. */
  BEST_EFFORT("BestEffort");

  private static final List<String> COMPUTE = List.of(Resources.CPU, Resources.MEMORY);

  private final String value;

  QosClass(String value) {
    this.value = value;
  }

  /** The value of {@code status.qosClass}: {@code Guaranteed}, {@code Burstable}, {@code BestEffort}. */
  public String value() {
    return value;
  }

  /**
   * The class of a pod whose containers and init containers have {@code containers} resources.
   * Only CPU and memory count; zero amounts count as unset.
   */
  public static QosClass of(Iterable<Resources> containers) {
    Map<String, BigDecimal> requests = new HashMap<>();
    Map<String, BigDecimal> limits = new HashMap<>();
    boolean guaranteed = true;
    for (Resources resources : containers) {
      Map<String, ResourceRequirements.Amount> requested = ResourceRequirements.requests(resources);
      Map<String, ResourceRequirements.Amount> limited = ResourceRequirements.limits(resources);
      Set<String> limitsFound = new HashSet<>();
      for (String name : COMPUTE) {
        ResourceRequirements.Amount request = requested.getOrDefault(name, limited.get(name));
        if (request != null && request.value().signum() > 0) {
          requests.merge(name, request.value(), BigDecimal::add);
        }
        ResourceRequirements.Amount limit = limited.get(name);
        if (limit != null && limit.value().signum() > 0) {
          limitsFound.add(name);
          limits.merge(name, limit.value(), BigDecimal::add);
        }
      }
      if (!limitsFound.containsAll(COMPUTE)) {
        guaranteed = false;
      }
    }
    if (requests.isEmpty() && limits.isEmpty()) {
      return BEST_EFFORT;
    }
    if (guaranteed) {
      for (Map.Entry<String, BigDecimal> request : requests.entrySet()) {
        BigDecimal limit = limits.get(request.getKey());
        if (limit == null || limit.compareTo(request.getValue()) != 0) {
          guaranteed = false;
          break;
        }
      }
    }
    return guaranteed && requests.size() == limits.size() ? GUARANTEED : BURSTABLE;
  }

  @Override
  public String toString() {
    return value;
  }
}
