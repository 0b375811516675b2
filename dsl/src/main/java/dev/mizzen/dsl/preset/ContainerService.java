package dev.mizzen.dsl.preset;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Env;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.intstr.Amount;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.probe.Probe;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.DeploymentStrategy;
import dev.mizzen.validation.internal.Validation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container as a service, in the spirit of Cloud Run: give it an image that listens on
 * {@code $PORT}, and it is served, probed and scaled. Immutable; made by
 * {@link Presets#containerService(String)}; the {@code with}-style methods return changed copies.
 *
 * <pre>{@code
 * ContainerService hello = Presets.containerService("hello").instances(2, 20);
 * Deployment deployment = hello.deployment()
 *     .pod(PodTemplate.container(hello.container("ghcr.io/acme/hello:1.0.0")
 *         .resources(Resources.requests(Cpu.millis(500), Memory.mebibytes(512)).limits(Memory.mebibytes(512)))))
 *     .build();
 * Service service = hello.service().build();                           // port 80 -> http
 * HorizontalPodAutoscaler autoscaler = hello.autoscaler(deployment).build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #container(String)}: the container {@code name}, with {@code PORT=8080} in its
 *       environment (the port it must listen on), that port declared as {@code http}, and a
 *       readiness probe on it: TCP by default (as Cloud Run's default startup probe), an HTTP GET
 *       with {@link #readinessPath(String)};
 *   <li>{@link #deployment()}: replicas left to the autoscaler, a rolling update that starts each
 *       new pod before stopping an old one ({@code maxSurge 25%, maxUnavailable 0}), as Cloud Run
 *       moves traffic to a revision once it is ready;
 *   <li>{@link #service()}: a ClusterIP Service on port 80 to {@code http};
 *   <li>{@link #autoscaler(Deployment)}: CPU utilization 60% (Cloud Run's target), 2 to 10
 *       instances unless told otherwise. Kubernetes cannot scale to zero without an add-on, and the
 *       second instance is what keeps a node drain from taking the service down. Cloud Run also
 *       scales on requests in flight per instance; that is a {@code Pods} metric served by a
 *       custom-metrics adapter, which the DSL's autoscaler (resource metrics) does not express,
 *       so this preset scales on CPU.
 * </ul>
 */
@Value.Immutable
public abstract class ContainerService {
  /** The environment variable that tells the container its port, as on Cloud Run. */
  public static final String PORT_ENV = "PORT";
  /** The name of the served port. */
  public static final String PORT_NAME = "http";
  /** The port of the Service. */
  public static final int SERVICE_PORT = 80;

  /** The component's name: of the container, Deployment, Service and autoscaler. */
  public abstract String name();

  /** The port the container listens on, {@code $PORT}; 8080 (Cloud Run's) unless told otherwise. */
  @Value.Default
  public int containerPort() {
    return 8080;
  }

  /** The fewest instances (replicas) the autoscaler keeps; 2 unless told otherwise. */
  @Value.Default
  public int minInstances() {
    return 2;
  }

  /** The most instances (replicas) the autoscaler starts; 10 unless told otherwise. */
  @Value.Default
  public int maxInstances() {
    return 10;
  }

  /** The average CPU use, in percent of the requests, the autoscaler keeps; 60 (Cloud Run's) unless told otherwise. */
  @Value.Default
  public int cpuTarget() {
    return 60;
  }

  /** The path an HTTP GET probes readiness on; absent (the default), a TCP connection to the port does. */
  public abstract Optional<String> readinessPath();

  /** The same service listening on {@code port}. */
  public ContainerService port(int port) {
    return ((ImmutableContainerService) this).withContainerPort(port);
  }

  /** The same service between {@code min} and {@code max} instances. */
  public ContainerService instances(int min, int max) {
    return ((ImmutableContainerService) this).withMinInstances(min).withMaxInstances(max);
  }

  /** The same service scaled to keep {@code percent} percent of its CPU requests in use. */
  public ContainerService cpuTarget(int percent) {
    return ((ImmutableContainerService) this).withCpuTarget(percent);
  }

  /** The same service with readiness probed by an HTTP GET of {@code path} on the port. */
  public ContainerService readinessPath(String path) {
    return ((ImmutableContainerService) this).withReadinessPath(path);
  }

  /**
   * The container {@code name} of {@code image}: {@code PORT} set, the port declared as
   * {@value #PORT_NAME}, readiness probed on it. Add resources (the autoscaler needs a CPU
   * request), further environment and mounts; its port and readiness are set.
   */
  public Container.Builder container(String image) {
    return Container.named(name())
        .image(image)
        .port(Port.named(PORT_NAME, containerPort()))
        .env(Env.literal(PORT_ENV, String.valueOf(containerPort())))
        .readiness(readinessPath().map(path -> Probe.httpGet(path, PORT_NAME)).orElse(Probe.tcp(PORT_NAME)));
  }

  /** The Deployment {@code name}: replicas unset (the autoscaler's), rolling with maxSurge 25%, maxUnavailable 0. */
  public Deployment.Builder deployment() {
    return Deployment.named(name()).strategy(DeploymentStrategy.rollingUpdate(Amount.percent(25), Amount.count(0)));
  }

  /** The ClusterIP Service {@code name}: port {@value #SERVICE_PORT} to the container's {@value #PORT_NAME}. */
  public Service.Builder service() {
    return Service.named(name()).selecting(name()).port(SERVICE_PORT, PORT_NAME);
  }

  /**
   * The autoscaler of {@code deployment}: the instances and CPU target of this preset.
   *
   * @throws dev.mizzen.validation.InvalidSpecException if the Deployment sets {@code replicas}
   *     (every apply would reset what the autoscaler chose) or one of its containers has no CPU
   *     request (utilization is a share of the requests: the autoscaler could not compute it)
   */
  public HorizontalPodAutoscaler.Builder autoscaler(Deployment deployment) {
    Validation v = Validation.of(deployment.objectRef());
    deployment.replicas().ifPresent(replicas -> v.field("spec.replicas").problem(
        "must be left unset, was %d: the autoscaler owns the replica count", replicas));
    for (Container container : deployment.pod().containers()) {
      v.field("spec.template.spec.containers").key(container.name()).field("resources.requests.cpu").check(
          container.resources().cpuRequest().isPresent(),
          "is required: the autoscaler keeps CPU utilization, a share of the requests, at %d%%", cpuTarget());
    }
    v.throwIfInvalid();
    HorizontalPodAutoscaler.Builder autoscaler = HorizontalPodAutoscaler.named(deployment.name())
        .scaling(deployment)
        .minReplicas(minInstances()).maxReplicas(maxInstances())
        .cpuUtilization(cpuTarget());
    deployment.namespace().ifPresent(autoscaler::namespace);
    deployment.component().ifPresent(autoscaler::component);
    return autoscaler;
  }

  @Override
  public String toString() {
    return "container service " + name() + " on $PORT=" + containerPort() + ", " + minInstances() + ".."
        + maxInstances() + " instances at " + cpuTarget() + "% CPU";
  }
}
