package dev.mizzen.dsl.preset;

import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.resources.Cpu;
import dev.mizzen.dsl.resources.ExtendedResource;
import dev.mizzen.dsl.resources.Memory;
import dev.mizzen.dsl.resources.Resources;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.scheduling.NodeLabel;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Toleration;
import dev.mizzen.scheduling.fleet.Node;
import org.immutables.value.Value;

/**
 * A workload of NVIDIA GPUs: what its pods ask for, where they may run, and how its Deployment
 * replaces them. Immutable; made by {@link Presets#gpus(int)}.
 *
 * <pre>{@code
 * GpuWorkload gpu = Presets.gpus(1);                      // on node-pool=gpu; onNodesLabelled(...) for another label
 * Deployment llm = gpu.deployment("llm")                  // 1 replica, Recreate
 *     .pod(PodTemplate.container(Container.named("llm").image("ghcr.io/acme/llm:2.1.0")
 *             .resources(gpu.resources(Cpu.cores(4), Memory.gibibytes(16))))
 *         .placement(gpu.placement()))
 *     .build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #resources(Cpu, Memory)}: a limit of {@code count} {@code nvidia.com/gpu} (the API
 *       server requests the same: extended resources are never overcommitted), with the CPU and
 *       memory requests given;
 *   <li>{@link #placement()}: requires the GPU pool's node label and tolerates the GPU pool's taint
 *       ({@code nvidia.com/gpu}, any value, NoSchedule), which keeps every other pod off the
 *       expensive nodes. The toleration alone would let the pods anywhere; the node label keeps
 *       them on the pool even where a cluster does not taint it;
 *   <li>{@link #deployment(String)}: one replica replaced with {@code Recreate}. A rolling update
 *       starts the new pod before the old one stops, and a new pod needs GPUs the old one still
 *       holds: on a pool without a spare GPU the rollout waits forever. With more replicas,
 *       {@link #deployment(String, int)} rolls with {@code maxSurge 0, maxUnavailable 1}: the
 *       same guarantee, one replica down at a time.
 * </ul>
 */
@Value.Immutable
public abstract class GpuWorkload {
  /** The extended resource of NVIDIA's device plugin. */
  public static final String RESOURCE = "nvidia.com/gpu";
  /** The taint key of GPU pools (GKE's {@code nvidia.com/gpu=present:NoSchedule}, and the standard test fleet's). */
  public static final String TAINT_KEY = "nvidia.com/gpu";

  /** GPUs per pod, at least 1. */
  public abstract int count();

  /** The key of the GPU pool's node label; {@value Node#POOL_LABEL} unless told otherwise. */
  @Value.Default
  public String nodeLabelKey() {
    return Node.POOL_LABEL;
  }

  /** The value of the GPU pool's node label; {@code gpu} unless told otherwise. */
  @Value.Default
  public String nodeLabelValue() {
    return "gpu";
  }

  @Value.Check
  protected void check() {
    if (count() < 1) {
      throw new IllegalArgumentException("a GPU workload needs at least 1 " + RESOURCE + " per pod, was " + count());
    }
  }

  /**
   * The same workload on the nodes labelled {@code key=value} instead of {@code node-pool=gpu}:
   * {@code cloud.google.com/gke-accelerator=nvidia-l4}, {@code nvidia.com/gpu.present=true} (as
   * NVIDIA's GPU feature discovery labels nodes), ...
   */
  public GpuWorkload onNodesLabelled(String key, String value) {
    return ((ImmutableGpuWorkload) this).withNodeLabelKey(key).withNodeLabelValue(value);
  }

  /** The requests {@code cpu} and {@code memory}, and a limit of {@link #count()} {@value #RESOURCE}. */
  public Resources.Builder resources(Cpu cpu, Memory memory) {
    return Resources.requests(cpu, memory).limit(gpus());
  }

  /** {@link #count()} {@value #RESOURCE}, for a {@code Resources} builder of one's own. */
  public ExtendedResource gpus() {
    return ExtendedResource.of(RESOURCE, count());
  }

  /**
   * Requires the GPU pool's label and tolerates its {@value #TAINT_KEY} taint (operator Exists,
   * NoSchedule): add further requirements and tolerations to it, or {@code merge} it.
   */
  public Placement.Builder placement() {
    return Placement.requireNodes(NodeLabel.key(nodeLabelKey()).in(nodeLabelValue()))
        .tolerate(Toleration.exists(TAINT_KEY, TaintEffect.NO_SCHEDULE));
  }

  /** A Deployment named {@code name} of one replica, replaced with {@code Recreate}; add its pod. */
  public Deployment.Builder deployment(String name) {
    return deployment(name, 1);
  }

  /**
   * A Deployment named {@code name} of {@code replicas}: one replica is replaced with
   * {@code Recreate}, more with a rolling update that never surges ({@code maxSurge 0,
   * maxUnavailable 1}). Either way a rollout never asks for a GPU the Deployment does not hold.
   *
   * @throws IllegalArgumentException if {@code replicas} is less than 1
   */
  public Deployment.Builder deployment(String name, int replicas) {
    if (replicas < 1) {
      throw new IllegalArgumentException("a GPU Deployment needs at least 1 replica, was " + replicas);
    }
    return Deployment.named(name).replicas(replicas).strategy(strategy(replicas));
  }

  /** How a Deployment of {@code replicas} GPU pods is replaced: see {@link #deployment(String, int)}. */
  public static DeploymentStrategy strategy(int replicas) {
    return replicas <= 1
        ? DeploymentStrategy.recreate()
        : DeploymentStrategy.rollingUpdate(Amount.count(0), Amount.count(1));
  }

  @Override
  public String toString() {
    return count() + " " + RESOURCE + " on " + nodeLabelKey() + "=" + nodeLabelValue();
  }
}
