package dev.mizzen.dsl.resources;

import dev.mizzen.dsl.internal.ResourceRequirements;
import dev.mizzen.style.MizzenFacadeStyle;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
@MizzenFacadeStyle
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

  /** Requests {@code cpu} and {@code memory}. */
  public static Builder requests(Cpu cpu, Memory memory) {
    return new Builder().requests(cpu, memory);
  }

  /** Requests {@code cpu}. */
  public static Builder requests(Cpu cpu) {
    return new Builder().requests(cpu);
  }

  /** Requests {@code memory}. */
  public static Builder requests(Memory memory) {
    return new Builder().requests(memory);
  }

  /** Requests {@code ephemeralStorage}. */
  public static Builder requests(Storage ephemeralStorage) {
    return new Builder().requests(ephemeralStorage);
  }

  /** Limits to {@code cpu} and {@code memory} (the API server then requests the same). */
  public static Builder limits(Cpu cpu, Memory memory) {
    return new Builder().limits(cpu, memory);
  }

  /** Limits CPU only. */
  public static Builder limits(Cpu cpu) {
    return new Builder().limits(cpu);
  }

  /** Limits memory only (a common choice: no CPU limit, so no throttling). */
  public static Builder limits(Memory memory) {
    return new Builder().limits(memory);
  }

  /** Limits ephemeral storage only. */
  public static Builder limits(Storage ephemeralStorage) {
    return new Builder().limits(ephemeralStorage);
  }

  /** Requests an extended resource (its limit must be set too, to the same amount). */
  public static Builder request(ExtendedResource resource) {
    return new Builder().request(resource);
  }

  /** Limits an extended resource (the API server requests the same amount). */
  public static Builder limit(ExtendedResource resource) {
    return new Builder().limit(resource);
  }

  /** Whether nothing is requested or limited. */
  public boolean isEmpty() {
    return ResourceRequirements.requests(this).isEmpty() && ResourceRequirements.limits(this).isEmpty();
  }

  /** The client-java model; {@code requests} and {@code limits} are null when empty. A fresh object each call. */
  public V1ResourceRequirements toV1ResourceRequirements() {
    // client-java starts every list and map empty; Mizzen leaves unset fields null.
    V1ResourceRequirements rendered = new V1ResourceRequirements().claims(null);
    Map<String, Quantity> requests = new LinkedHashMap<>();
    ResourceRequirements.requests(this).forEach((name, amount) -> requests.put(name, amount.quantity()));
    Map<String, Quantity> limits = new LinkedHashMap<>();
    ResourceRequirements.limits(this).forEach((name, amount) -> limits.put(name, amount.quantity()));
    rendered.setRequests(requests.isEmpty() ? null : requests);
    rendered.setLimits(limits.isEmpty() ? null : limits);
    return rendered;
  }

  /**
   * Builds {@link Resources}; nothing is checked until the owning object is built. Requests and
   * limits are set with {@code requests(...)} and {@code limits(...)} (by type: CPU, memory,
   * ephemeral storage) and {@code request}/{@code limit} for extended resources, one spelling
   * each; the generated builder behind it stays package-private.
   */
  public static final class Builder {
    private final ImmutableResources.Builder generated = ImmutableResources.builder();

    Builder() {}

    /** Requests {@code cpu} and {@code memory}. */
    public Builder requests(Cpu cpu, Memory memory) {
      return requests(cpu).requests(memory);
    }

    /** Requests CPU. */
    public Builder requests(Cpu cpu) {
      generated.cpuRequest(cpu);
      return this;
    }

    /** Requests memory. */
    public Builder requests(Memory memory) {
      generated.memoryRequest(memory);
      return this;
    }

    /** Requests ephemeral storage. */
    public Builder requests(Storage ephemeralStorage) {
      generated.ephemeralStorageRequest(ephemeralStorage);
      return this;
    }

    /** Limits to {@code cpu} and {@code memory}. */
    public Builder limits(Cpu cpu, Memory memory) {
      return limits(cpu).limits(memory);
    }

    /** Limits CPU. */
    public Builder limits(Cpu cpu) {
      generated.cpuLimit(cpu);
      return this;
    }

    /** Limits memory (a common choice alone: no CPU limit, so no throttling). */
    public Builder limits(Memory memory) {
      generated.memoryLimit(memory);
      return this;
    }

    /** Limits ephemeral storage. */
    public Builder limits(Storage ephemeralStorage) {
      generated.ephemeralStorageLimit(ephemeralStorage);
      return this;
    }

    /** Requests an extended resource (its limit must be set too, to the same amount). */
    public Builder request(ExtendedResource resource) {
      generated.addExtendedRequest(resource);
      return this;
    }

    /** Limits an extended resource (the API server requests the same amount). */
    public Builder limit(ExtendedResource resource) {
      generated.addExtendedLimit(resource);
      return this;
    }

    /** The resources. */
    public Resources build() {
      return generated.build();
    }
  }
}
