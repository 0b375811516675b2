package dev.mizzen.dsl.network;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.internal.PodSelectors;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.ObjectMetadata;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ClientIPConfig;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.openapi.models.V1SessionAffinityConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Service: a stable name and virtual IP in front of the pods of a component.
 *
 * <pre>{@code
 * Service web = Service.named("web").selecting("web").port(80, "http").build();
 * Service db = Service.headless("db").selecting("db").port(5432, "pg").build();
 * Service edge = Service.loadBalancer("edge").selecting("web")
 *     .port(ServicePort.tcp(443).name("https").targetPort("https"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Service implements KubernetesResource {
  /** The kubelet's port, which the API server refuses to expose through a LoadBalancer. */
  static final int KUBELET_PORT = 10250;
  static final long MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

  /** How the Service is reached. */
  public enum Type {
    /** A virtual IP inside the cluster only. */
    CLUSTER_IP("ClusterIP"),
    /** ClusterIP plus a port opened on every node. */
    NODE_PORT("NodePort"),
    /** NodePort plus an external load balancer from the cloud provider. */
    LOAD_BALANCER("LoadBalancer");

    private final String value;

    Type(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses ({@code ClusterIP}, ...). */
    public String value() {
      return value;
    }
  }

  /** Whether connections from one client stick to one pod. */
  public enum SessionAffinity {
    NONE("None"),
    CLIENT_IP("ClientIP");

    private final String value;

    SessionAffinity(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Where external traffic may be routed: any node's pods, or only the receiving node's. */
  public enum TrafficPolicy {
    CLUSTER("Cluster"),
    LOCAL("Local");

    private final String value;

    TrafficPolicy(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** Starts a ClusterIP Service named {@code name} (a DNS-1035 label: starts with a letter). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** Starts a headless Service ({@code clusterIP: None}): DNS returns the pods' own addresses. */
  public static Builder headless(String name) {
    return named(name).headless(true);
  }

  /** Starts a NodePort Service. */
  public static Builder nodePort(String name) {
    return named(name).type(Type.NODE_PORT);
  }

  /** Starts a LoadBalancer Service. */
  public static Builder loadBalancer(String name) {
    return named(name).type(Type.LOAD_BALANCER);
  }

  /** The type; {@link Type#CLUSTER_IP} unless told otherwise. */
  @Value.Default
  public Type type() {
    return Type.CLUSTER_IP;
  }

  /** Whether the Service has no cluster IP ({@code clusterIP: None}); false unless told otherwise. */
  @Value.Default
  public boolean headless() {
    return false;
  }

  /** The pods the Service sends traffic to; absent means no selector (endpoints managed elsewhere). */
  public abstract Optional<PodSelector> selecting();

  /** The ports, in order. */
  public abstract List<ServicePort> ports();

  /** Session affinity; absent leaves the API server's default ({@code None}). */
  public abstract Optional<SessionAffinity> sessionAffinity();

  /** How long {@link SessionAffinity#CLIENT_IP} affinity lasts (whole seconds, at most a day); absent means 3 hours. */
  public abstract Optional<Duration> sessionAffinityTimeout();

  /** Routing of external traffic, for NodePort and LoadBalancer Services; absent means {@code Cluster}. */
  public abstract Optional<TrafficPolicy> externalTrafficPolicy();

  /** Whether DNS also publishes pods that are not ready (useful for StatefulSet peers); absent means false. */
  public abstract Optional<Boolean> publishNotReadyAddresses();

  /** Client CIDR blocks a LoadBalancer accepts; empty means any. */
  public abstract List<String> loadBalancerSourceRanges();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Service>> customizers();

  /** The component whose pods this Service selects, if it selects by component. */
  public final Optional<String> selectedComponent() {
    return selecting().flatMap(PodSelector::component);
  }

  @Override
  public final String apiVersion() {
    return "v1";
  }

  @Override
  public final String kind() {
    return "Service";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1035_LABEL);
    Validation spec = v.field("spec");
    if (headless()) {
      spec.field("clusterIP").check(type() == Type.CLUSTER_IP,
          "a headless Service (clusterIP None) must have type ClusterIP, was %s", type().value());
    }
    selecting().ifPresent(selector -> {
      Validation labels = spec.field("selector");
      if (labels.check(!selector.selectsAll(),
          "must select some pods: an empty selector means no selector for a Service")) {
        PodSelectors.validate(labels, selector);
      }
    });
    checkPorts(spec);
    checkAffinity(spec);
    externalTrafficPolicy().ifPresent(p -> spec.field("externalTrafficPolicy").check(
        type() != Type.CLUSTER_IP, "may only be set for NodePort and LoadBalancer Services"));
    if (!loadBalancerSourceRanges().isEmpty()) {
      Validation ranges = spec.field("loadBalancerSourceRanges");
      ranges.check(type() == Type.LOAD_BALANCER, "may only be used when type is LoadBalancer, was %s",
          type().value());
      for (int i = 0; i < loadBalancerSourceRanges().size(); i++) {
        Cidrs.check(ranges.index(i), loadBalancerSourceRanges().get(i));
      }
    }
    v.throwIfInvalid();
  }

  private void checkPorts(Validation spec) {
    Validation ports = spec.field("ports");
    ports.check(!ports().isEmpty() || headless(),
        "must have at least one port (only a headless Service may have none)");
    Map<String, Integer> names = new HashMap<>();
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, Integer> nodePorts = new HashMap<>();
    for (int i = 0; i < ports().size(); i++) {
      ServicePort port = ports().get(i);
      Validation at = ports.index(i);
      port.validate(at);
      if (ports().size() > 1) {
        at.field("name").check(port.name().isPresent(),
            "is required when a Service has more than one port");
      }
      int index = i;
      port.name().ifPresent(name ->
          checkUnique(names, name, index, at.field("name"), "name '" + name + "'"));
      String number = port.port() + "/" + port.protocol().value();
      checkUnique(numbers, number, index, at, "port " + number);
      port.nodePort().ifPresent(nodePort -> {
        Validation field = at.field("nodePort");
        if (field.check(type() != Type.CLUSTER_IP, "may not be used when type is ClusterIP")) {
          checkUnique(nodePorts, nodePort + "/" + port.protocol().value(), index, field,
              "nodePort " + nodePort + "/" + port.protocol().value());
        }
      });
      if (type() == Type.LOAD_BALANCER) {
        at.field("port").check(port.port() != KUBELET_PORT,
            "may not expose port %d externally since it is used by kubelet", KUBELET_PORT);
      }
    }
  }

  private static void checkUnique(
      Map<String, Integer> seen, String key, int index, Validation at, String what) {
    Integer first = seen.putIfAbsent(key, index);
    at.check(first == null, "duplicate %s (also ports[%s])", what, first);
  }

  private void checkAffinity(Validation spec) {
    sessionAffinityTimeout().ifPresent(timeout -> {
      Validation field = spec.field("sessionAffinityConfig").field("clientIP").field("timeoutSeconds");
      if (field.check(sessionAffinity().orElse(SessionAffinity.NONE) == SessionAffinity.CLIENT_IP,
          "needs session affinity ClientIP (with None the API server drops sessionAffinityConfig)")) {
        Seconds.check(field, timeout, 1, MAX_CLIENT_IP_AFFINITY_SECONDS);
      }
    });
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1Service render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1Service render(RenderContext context) {
    V1ServiceSpec spec = new V1ServiceSpec().type(type().value());
    if (headless()) {
      spec.setClusterIP("None");
    }
    selecting().ifPresent(selector -> spec.setSelector(PodSelectors.render(selector, context)));
    if (!ports().isEmpty()) {
      List<io.kubernetes.client.openapi.models.V1ServicePort> rendered = new ArrayList<>();
      ports().forEach(port -> rendered.add(port.toV1ServicePort()));
      spec.setPorts(rendered);
    }
    sessionAffinity().ifPresent(affinity -> spec.setSessionAffinity(affinity.value()));
    sessionAffinityTimeout().ifPresent(timeout -> spec.setSessionAffinityConfig(
        new V1SessionAffinityConfig().clientIP(
            new V1ClientIPConfig().timeoutSeconds((int) timeout.getSeconds()))));
    externalTrafficPolicy().ifPresent(p -> spec.setExternalTrafficPolicy(p.value()));
    publishNotReadyAddresses().ifPresent(spec::setPublishNotReadyAddresses);
    if (!loadBalancerSourceRanges().isEmpty()) {
      spec.setLoadBalancerSourceRanges(new ArrayList<>(loadBalancerSourceRanges()));
    }
    V1Service rendered = new V1Service()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context))
        .spec(spec);
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link Service}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableService.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Sends traffic to the pods of {@code component}. */
    public Builder selecting(String component) {
      return selecting(PodSelector.component(component));
    }

    /** Sends traffic to the pods of the component {@code workload} belongs to. */
    public Builder selecting(ObjectMetadata workload) {
      return selecting(PodSelector.component(workload));
    }


    /** Adds TCP port {@code port} sent to the same port number on the pods. */
    public Builder port(int port) {
      return port(ServicePort.tcp(port).build());
    }

    /**
     * Adds TCP port {@code port} sent to the pod port named {@code targetPortName}; the Service
     * port takes the same name.
     */
    public Builder port(int port, String targetPortName) {
      return port(ServicePort.tcp(port).name(targetPortName).targetPort(targetPortName).build());
    }

    /** Adds TCP port {@code port} sent to pod port number {@code targetPort}. */
    public Builder port(int port, int targetPort) {
      return port(ServicePort.tcp(port).targetPort(targetPort).build());
    }

    /** Adds the port {@code port} builds. */
    public Builder port(ServicePort.Builder port) {
      return port(port.build());
    }

    /** Sends each client's connections to the same pod, for the default 3 hours. */
    public Builder clientIpAffinity() {
      return sessionAffinity(SessionAffinity.CLIENT_IP);
    }

    /** Sends each client's connections to the same pod for {@code timeout} (1s..1 day). */
    public Builder clientIpAffinity(Duration timeout) {
      return sessionAffinity(SessionAffinity.CLIENT_IP).sessionAffinityTimeout(timeout);
    }
  }
}
