package dev.mizzen.dsl.preset;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;

/**
 * The presets, one factory each (see docs/presets.md):
 *
 * <pre>{@code
 * Presets.highlyAvailable()           // spread over zones and hosts, and a disruption budget
 * Presets.gpus(1)                     // nvidia.com/gpu: request, toleration, GPU pool, strategy
 * Presets.containerService("hello")   // PORT, a named port, readiness on it, CPU autoscaling
 * Presets.onPremises()                // MetalLB pools, Rook/Ceph storage, backups, scrape annotations
 * Presets.sidecar(...), Presets.ambassador(...), Presets.adapter(...)   // multi-container patterns
 * }</pre>
 */
public final class Presets {
  private Presets() {}

  /**
   * Replicas spread over zones (a hard constraint) and hosts (a soft one), and a
   * PodDisruptionBudget that lets voluntary disruptions take one pod at a time.
   */
  public static HighlyAvailable highlyAvailable() {
    return HighlyAvailable.DEFAULT;
  }

  /**
   * A workload of {@code count} NVIDIA GPUs per pod ({@code nvidia.com/gpu}), on the GPU pool
   * ({@code node-pool=gpu} unless told otherwise), tolerating its {@code nvidia.com/gpu} taint.
   *
   * @throws IllegalArgumentException if {@code count} is less than 1
   */
  public static GpuWorkload gpus(int count) {
    return ImmutableGpuWorkload.builder().count(count).build();
  }

  /**
   * A container as a service, in the spirit of Cloud Run: the component {@code name} listens on
   * {@code $PORT} (8080), serves on a port named {@code http}, is ready when that port answers, and
   * an autoscaler keeps its CPU near a target between a minimum and a maximum of instances.
   */
  public static ContainerService containerService(String name) {
    return ImmutableContainerService.builder().name(name).build();
  }

  /**
   * Objects for a cluster of one's own: LoadBalancer Services from a MetalLB address pool,
   * databases on Rook/Ceph block storage ({@value OnPremises#ROOK_CEPH_BLOCK}), their backup
   * CronJobs, and Prometheus scrape annotations.
   */
  public static OnPremises onPremises() {
    return ImmutableOnPremises.builder().build();
  }

  /**
   * The sidecar pattern: {@code helper} runs beside the app containers for the pod's whole life,
   * as a native sidecar (an init container with {@code restartPolicy: Always}).
   */
  public static Sidecar sidecar(Container.Builder helper) {
    return Sidecar.of(helper, null, null);
  }

  /**
   * The sidecar pattern with a shared scratch volume: {@code helper} runs as a native sidecar and
   * mounts the emptyDir {@code sharedVolume} at {@code mountPath}; the app container mounts the
   * same volume where it writes what the helper reads (or the other way round).
   */
  public static Sidecar sidecar(Container.Builder helper, String sharedVolume, String mountPath) {
    return Sidecar.of(helper, sharedVolume, mountPath);
  }

  /**
   * The ambassador pattern: {@code proxy}, a native sidecar, listens on {@code localhost:localPort}
   * and forwards to a remote service, so the app connects to localhost and the proxy handles
   * where the service is, TLS, retries or credentials.
   *
   * @throws IllegalArgumentException if {@code localPort} is not 1..65535
   */
  public static Ambassador ambassador(Container.Builder proxy, int localPort) {
    return Ambassador.of(proxy, localPort);
  }

  /**
   * The adapter pattern: {@code adapter}, a native sidecar, reads what the app container exposes
   * in its own form (a status page, log files) and serves it on {@code port} in a standard one
   * (Prometheus metrics, say).
   *
   * @throws IllegalArgumentException if {@code port} has no name
   */
  public static Adapter adapter(Container.Builder adapter, Port.Builder port) {
    return Adapter.of(adapter, port.build());
  }
}
