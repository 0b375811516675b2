package dev.mizzen.scheduling.explain;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resource amounts as kube-scheduler counts them: {@code cpu} in millicores, everything else in
 * whole units, rounded up. A pod's requests follow the sidecar formula: the sum of its
 * containers and of its restartable (sidecar) init containers, at least what any init container
 * needs while it runs next to the sidecars started before it, plus the pod's overhead.
 */
final class PodResources {
  static final String CPU = "cpu";
  static final String MEMORY = "memory";
  static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  static final String PODS = "pods";
  /** The request the scheduler's scoring assumes for a container that sets no cpu request: 100m. */
  static final BigDecimal DEFAULT_CPU = new BigDecimal("0.1");
  /** The request the scheduler's scoring assumes for a container that sets no memory request: 200Mi. */
  static final BigDecimal DEFAULT_MEMORY = BigDecimal.valueOf(200L * 1024 * 1024);

  private PodResources() {}

  /** The pod's requests, as the scheduler's filter and the node's "requested" total count them. */
  static Map<String, Long> requests(V1PodSpec spec) {
    return toAmounts(aggregate(spec, false));
  }

  /**
   * The pod's requests with 100m cpu and 200Mi memory for each container that sets none, as
   * LeastAllocated scoring and the node's "non-zero requested" total count them.
   */
  static Map<String, Long> nonZeroRequests(V1PodSpec spec) {
    return toAmounts(aggregate(spec, true));
  }

  /** Whether the scheduler tracks {@code resource} as a scalar: extended, prefixed native, hugepages, attachable volumes. */
  static boolean isScalar(String resource) {
    return resource.contains("/") || resource.startsWith("hugepages-") || resource.startsWith("attachable-volumes-");
  }

  /** Whether the scheduler counts {@code resource} at all. */
  static boolean isTracked(String resource) {
    return resource.equals(CPU) || resource.equals(MEMORY) || resource.equals(EPHEMERAL_STORAGE) || isScalar(resource);
  }

  /** The amount of {@code quantity} of {@code resource}, in the scheduler's unit, rounded up. */
  static long amount(String resource, BigDecimal quantity) {
    BigDecimal scaled = resource.equals(CPU) ? quantity.movePointRight(3) : quantity;
    return scaled.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Quantities converted to amounts; resources the scheduler does not track are dropped, {@code pods} kept. */
  static Map<String, Long> toAmounts(Map<String, BigDecimal> quantities) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    quantities.forEach((resource, quantity) -> {
      if (isTracked(resource) || resource.equals(PODS)) {
        amounts.put(resource, amount(resource, quantity));
      }
    });
    return amounts;
  }

  /** Client-java quantities as exact numbers; a {@code null} list is empty. */
  static Map<String, BigDecimal> numbers(Map<String, Quantity> quantities) {
    Map<String, BigDecimal> numbers = new LinkedHashMap<>();
    if (quantities != null) {
      quantities.forEach((resource, quantity) -> numbers.put(resource, quantity.getNumber()));
    }
    return numbers;
  }

  private static Map<String, BigDecimal> aggregate(V1PodSpec spec, boolean nonMissing) {
    Map<String, BigDecimal> total = new LinkedHashMap<>();
    for (V1Container container : list(spec.getContainers())) {
      add(total, containerRequests(container, nonMissing));
    }
    Map<String, BigDecimal> sidecars = new LinkedHashMap<>();
    Map<String, BigDecimal> initPeak = new LinkedHashMap<>();
    for (V1Container container : list(spec.getInitContainers())) {
      Map<String, BigDecimal> own = containerRequests(container, nonMissing);
      Map<String, BigDecimal> whileRunning;
      if ("Always".equals(container.getRestartPolicy())) {
        add(total, own);
        add(sidecars, own);
        whileRunning = sidecars;
      } else {
        whileRunning = new LinkedHashMap<>(own);
        add(whileRunning, sidecars);
      }
      whileRunning.forEach((resource, quantity) -> initPeak.merge(resource, quantity, BigDecimal::max));
    }
    initPeak.forEach((resource, quantity) -> total.merge(resource, quantity, BigDecimal::max));
    add(total, numbers(spec.getOverhead()));
    return total;
  }

  /**
   * A container's requests as the API server stores them: a limit without a request is also the
   * request. With {@code nonMissing}, a missing cpu or memory request is the scheduler's default.
   */
  private static Map<String, BigDecimal> containerRequests(V1Container container, boolean nonMissing) {
    V1ResourceRequirements resources = container.getResources();
    Map<String, BigDecimal> requests = new LinkedHashMap<>();
    if (resources != null) {
      requests.putAll(numbers(resources.getLimits()));
      requests.putAll(numbers(resources.getRequests()));
    }
    if (nonMissing) {
      requests.putIfAbsent(CPU, DEFAULT_CPU);
      requests.putIfAbsent(MEMORY, DEFAULT_MEMORY);
    }
    return requests;
  }

  private static void add(Map<String, BigDecimal> total, Map<String, BigDecimal> more) {
    more.forEach((resource, quantity) -> total.merge(resource, quantity, BigDecimal::add));
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
