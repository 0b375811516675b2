package dev.mizzen.dsl.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;

/**
 * What a container's validation needs from its pod: where it sits, the pod's volume and
 * container names, the pod's termination grace period (sleep hooks must fit in it) and whether
 * the pod opted out of {@code runAsNonRoot}.
 */
public record ContainerContext(
    ContainerKind kind,
    Set<String> volumeNames,
    Set<String> containerNames,
    Duration terminationGracePeriod,
    boolean podAllowsRoot) {

  /** The API server's default termination grace period, 30s. */
  public static final Duration DEFAULT_TERMINATION_GRACE_PERIOD = Duration.ofSeconds(30);

  /** Copies the name sets; every component is required. */
  public ContainerContext {
    requireNonNull(kind, "kind");
    volumeNames = Set.copyOf(volumeNames);
    containerNames = Set.copyOf(containerNames);
    requireNonNull(terminationGracePeriod, "terminationGracePeriod");
  }

  /** A container of {@code kind} in a pod with the given volumes and containers and default settings. */
  public static ContainerContext of(ContainerKind kind, Set<String> volumeNames, Set<String> containerNames) {
    return new ContainerContext(kind, volumeNames, containerNames, DEFAULT_TERMINATION_GRACE_PERIOD, false);
  }
}
