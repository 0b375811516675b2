package dev.mizzen.dsl.pod;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.internal.PodTemplates;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.resources.QosClass;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.security.SecurityOptOut;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.style.MizzenFacadeStyle;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The pods of a workload: containers, volumes, identity and security. Workloads embed it: a
 * workload's {@code build()} checks its template, with the template's path
 * ({@code spec.template...}), and its {@code render(RenderContext)} renders it with the
 * workload's pod labels and selector.
 *
 * <pre>{@code
 * PodTemplate.container(Container.named("web").image("ghcr.io/acme/web:1.4.2").mount("tmp", "/tmp"))
 *     .volume(Volume.emptyDir("tmp"))
 *     .serviceAccountName("web")
 *     .build();
 * }</pre>
 *
 * <p>Defaults: the restricted {@link PodSecurity}, {@code automountServiceAccountToken: false}
 * (rendered explicitly, since the API server's default is true: mount the token only when the
 * pod talks to the API), and nothing else set, so the API server's defaults apply (restart
 * policy Always, 30s grace period, ClusterFirst DNS, the {@code default} service account).
 */
@Value.Immutable
@MizzenFacadeStyle
public abstract class PodTemplate {

  /**
   * How a pod resolves names. {@code None} is not offered: it needs a {@code dnsConfig}, which
   * Mizzen does not model (use {@code customize(...)} on the workload).
   */
  public enum DnsPolicy {
    /** The cluster DNS, then the node's upstream servers (the API server's default). */
    CLUSTER_FIRST("ClusterFirst"),
    /** The cluster DNS, for pods on the host network. */
    CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
    /** The node's own resolver configuration. */
    DEFAULT("Default");

    private final String value;

    DnsPolicy(String value) {
      this.value = value;
    }

    /** The API value, such as {@code ClusterFirst}. */
    public String value() {
      return value;
    }
  }

  /** The app containers, in order; at least one. */
  public abstract List<Container> containers();

  /** The init containers and native sidecars, in the order they start. */
  public abstract List<Container> initContainers();

  /** The volumes, in order. */
  public abstract List<Volume> volumes();

  /** The service account the pods run as; {@code default} when absent. */
  public abstract Optional<String> serviceAccountName();

  /**
   * Whether the service account token is mounted into the containers; false by default (and
   * rendered), so pods that never call the API server hold no credentials.
   */
  @Value.Default
  public boolean automountServiceAccountToken() {
    return false;
  }

  /** The PriorityClass of the pods; the cluster's default priority when absent. */
  public abstract Optional<String> priorityClassName();

  /** How long containers get between SIGTERM and SIGKILL; 30s (the API server's default) when absent. */
  public abstract Optional<Duration> terminationGracePeriod();

  /**
   * Labels of the pods, rendered after the workload's own pod labels; the selector labels
   * ({@code app.kubernetes.io/name}, {@code app.kubernetes.io/part-of} and a workload's
   * {@code track(...)} or other selector labels) belong to the workload.
   */
  public abstract Map<String, String> labels();

  /** Annotations of the pods, rendered before the opt-out reasons. */
  public abstract Map<String, String> annotations();

  /** Secrets holding registry credentials, by name. */
  public abstract List<String> imagePullSecrets();

  /** The restart policy; each workload checks which it allows. The API server's default (Always) when absent. */
  public abstract Optional<RestartPolicy> restartPolicy();

  /** The pod's security context and host namespaces; restricted ({@link PodSecurity#defaults()}) unless set. */
  @Value.Default
  public PodSecurity security() {
    return PodSecurity.defaults();
  }

  /** How the pods resolve names; ClusterFirst (the API server's default) when absent. */
  public abstract Optional<DnsPolicy> dnsPolicy();

  /** The pods' hostname; the pod name when absent. */
  public abstract Optional<String> hostname();

  /** The subdomain ({@code <hostname>.<subdomain>.<namespace>.svc}), usually a headless Service's name. */
  public abstract Optional<String> subdomain();

  /** Where the pods may run: node selection, affinity, tolerations, topology spread. None by default. */
  @Value.Default
  public Placement placement() {
    return Placement.none();
  }

  /** Starts a pod template whose first app container is {@code container}. */
  public static Builder container(Container.Builder container) {
    return new Builder().container(container);
  }

  /** Starts a pod template whose first app container is {@code container}. */
  public static Builder container(Container container) {
    return new Builder().container(container);
  }

  /** Every container: init containers and sidecars first, then app containers. */
  public List<Container> allContainers() {
    List<Container> all = new ArrayList<>(initContainers());
    all.addAll(containers());
    return all;
  }

  /** The container named {@code name}, among app containers, init containers and sidecars. */
  public Optional<Container> container(String name) {
    return allContainers().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The first port named {@code name} among the app containers, then the sidecars (as a Service resolves it). */
  public Optional<Port> port(String name) {
    return allContainersForPorts().stream().flatMap(c -> c.port(name).stream()).findFirst();
  }

  private List<Container> allContainersForPorts() {
    List<Container> all = new ArrayList<>(containers());
    initContainers().stream().filter(Container::sidecar).forEach(all::add);
    return all;
  }

  /** The volume named {@code name}. */
  public Optional<Volume> volume(String name) {
    return volumes().stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The QoS class the API server will give the pods, from every container's resources. */
  public QosClass qosClass() {
    return QosClass.of(allContainers().stream().map(Container::resources).toList());
  }

  /**
   * This template with container {@code container}'s image replaced.
   *
   * @throws IllegalArgumentException if there is no such container
   */
  public PodTemplate withImage(String container, String image) {
    if (container(container).isEmpty()) {
      throw new IllegalArgumentException("no container named '" + container + "' in the pod template");
    }
    return ((ImmutablePodTemplate) ImmutablePodTemplate.copyOf(this))
        .withContainers(containers().stream()
            .map(c -> c.name().equals(container) ? c.withImage(image) : c).toList())
        .withInitContainers(initContainers().stream()
            .map(c -> c.name().equals(container) ? c.withImage(image) : c).toList());
  }

  /**
   * The client-java pod template on its own, outside any workload: the template's labels and
   * annotations (then one per security opt-out holder), no workload labels; no empty lists or
   * maps. A fresh object each call. In a workload, {@code render(RenderContext)} renders it with
   * the workload's pod labels, which its selector matches.
   *
   * @throws IllegalArgumentException if the placement has a term about the pod's own pods
   *     ({@code avoidOwnPods}, {@code spreadOver}, ...): those select with a workload's labels
   */
  public V1PodTemplateSpec render() {
    return PodTemplates.render(this, Map.of(), Map.of(), RenderContext.standalone());
  }

  /** The opt-out annotations: the pod's, then each container's that has any, init containers first. */
  public Map<String, String> optOutAnnotations() {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (!security().optOuts().isEmpty()) {
      annotations.put(SecurityOptOut.POD_ANNOTATION, SecurityOptOut.describe(security().optOuts()));
    }
    for (Container container : allContainers()) {
      if (!container.security().optOuts().isEmpty()) {
        annotations.put(SecurityOptOut.containerAnnotation(container.name()),
            SecurityOptOut.describe(container.security().optOuts()));
      }
    }
    return annotations;
  }

  /**
   * Builds a {@link PodTemplate}; nothing is checked until the owning workload is built. Each
   * thing is added one way: one method per part, so code completion offers one spelling (the
   * generated builder behind it stays package-private).
   */
  public static final class Builder {
    private final ImmutablePodTemplate.Builder generated = ImmutablePodTemplate.builder();

    Builder() {}

    /** Adds an app container. */
    public Builder container(Container container) {
      generated.addContainer(container);
      return this;
    }

    /** Adds an app container. */
    public Builder container(Container.Builder container) {
      return container(container.build());
    }

    /** Adds an init container, which runs to completion before the next one starts. */
    public Builder initContainer(Container container) {
      generated.addInitContainer(container);
      return this;
    }

    /** Adds an init container. */
    public Builder initContainer(Container.Builder container) {
      return initContainer(container.build());
    }

    /**
     * Adds a native sidecar: an init container with {@code restartPolicy: Always}, started in
     * order with the init containers and kept running alongside the app containers.
     */
    public Builder sidecar(Container container) {
      return initContainer(container.asSidecar());
    }

    /** Adds a native sidecar. */
    public Builder sidecar(Container.Builder container) {
      return sidecar(container.build());
    }

    /** Adds a volume. */
    public Builder volume(Volume volume) {
      generated.addVolume(volume);
      return this;
    }

    /** Adds a volume. */
    public Builder volume(Volume.Buildable volume) {
      return volume(volume.build());
    }

    /** Sets the service account the pods run as; see {@link PodTemplate#serviceAccountName()}. */
    public Builder serviceAccountName(String serviceAccountName) {
      generated.serviceAccountName(serviceAccountName);
      return this;
    }

    /** Sets whether the service account token is mounted; see {@link PodTemplate#automountServiceAccountToken()}. */
    public Builder automountServiceAccountToken(boolean automount) {
      generated.automountServiceAccountToken(automount);
      return this;
    }

    /** Sets the PriorityClass of the pods. */
    public Builder priorityClassName(String priorityClassName) {
      generated.priorityClassName(priorityClassName);
      return this;
    }

    /** Sets how long containers get between SIGTERM and SIGKILL. */
    public Builder terminationGracePeriod(Duration terminationGracePeriod) {
      generated.terminationGracePeriod(terminationGracePeriod);
      return this;
    }

    /** Adds the pod label {@code key=value}; see {@link PodTemplate#labels()}. */
    public Builder label(String key, String value) {
      generated.label(key, value);
      return this;
    }

    /** Adds every pod label of {@code labels}. */
    public Builder labels(Map<String, String> labels) {
      generated.labels(labels);
      return this;
    }

    /** Adds the pod annotation {@code key=value}; see {@link PodTemplate#annotations()}. */
    public Builder annotation(String key, String value) {
      generated.annotation(key, value);
      return this;
    }

    /** Adds every pod annotation of {@code annotations}. */
    public Builder annotations(Map<String, String> annotations) {
      generated.annotations(annotations);
      return this;
    }

    /** Adds a registry credentials Secret. */
    public Builder imagePullSecret(String secret) {
      generated.addImagePullSecret(secret);
      return this;
    }

    /** Sets the restart policy. */
    public Builder restartPolicy(RestartPolicy restartPolicy) {
      generated.restartPolicy(restartPolicy);
      return this;
    }

    /** Sets the pod's security context; see {@link PodTemplate#security()}. */
    public Builder security(PodSecurity security) {
      generated.security(security);
      return this;
    }

    /** Sets the pod's security context. */
    public Builder security(PodSecurity.Builder security) {
      return security(security.build());
    }

    /** Sets how the pods resolve names. */
    public Builder dnsPolicy(DnsPolicy dnsPolicy) {
      generated.dnsPolicy(dnsPolicy);
      return this;
    }

    /** Sets the pods' hostname. */
    public Builder hostname(String hostname) {
      generated.hostname(hostname);
      return this;
    }

    /** Sets the pods' subdomain. */
    public Builder subdomain(String subdomain) {
      generated.subdomain(subdomain);
      return this;
    }

    /** Sets where the pods may run; see {@link PodTemplate#placement()}. */
    public Builder placement(Placement placement) {
      generated.placement(placement);
      return this;
    }

    /** Sets where the pods may run. */
    public Builder placement(Placement.Builder placement) {
      return placement(placement.build());
    }

    /** The pod template. */
    public PodTemplate build() {
      return generated.build();
    }
  }
}
