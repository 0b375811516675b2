package dev.mizzen.dsl.pod;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.ContainerContext;
import dev.mizzen.dsl.container.ContainerKind;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.resources.QosClass;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.dsl.security.SecurityOptOut;
import dev.mizzen.scheduling.Placement;
import dev.mizzen.scheduling.internal.PlacementChecks;
import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Seconds;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The pods of a workload: containers, volumes, identity and security. Workloads embed it and
 * call {@link #validate} and {@link #render}.
 *
 * <pre>{@code
 * PodTemplate.builder()
 *     .container(Container.named("web").image("ghcr.io/acme/web:1.4.2").mount("tmp", "/tmp"))
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
public abstract class PodTemplate {

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

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
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
   * Checks the template; {@code v} is positioned at the pod template ({@code spec.template}), so
   * problems land on {@code metadata.labels[...]}, {@code spec.containers[web]...},
   * {@code spec.volumes[tmp]...}.
   */
  public void validate(Validation v) {
    validate(v, Set.of());
  }

  /**
   * As {@link #validate(Validation)}, where the pod also has the volumes named in
   * {@code extraVolumes}, which mounts may name (a StatefulSet's claim templates).
   */
  public void validate(Validation v, Set<String> extraVolumes) {
    Validation metadata = v.field("metadata");
    Metadata.validateLabels(metadata.field("labels"), labels());
    // Selector labels (name, part-of) are checked by the workload and the App, which know them.
    Map<String, String> allAnnotations = new LinkedHashMap<>(annotations());
    allAnnotations.putAll(optOutAnnotations());
    Metadata.validateAnnotations(metadata.field("annotations"), allAnnotations);
    annotations().keySet().stream().filter(SecurityOptOut::isOptOutAnnotation).forEach(key ->
        metadata.field("annotations").key(key).problem("is reserved for the reasons of security opt-outs:"
            + " give them with PodOptOut or ContainerOptOut"));

    Validation spec = v.field("spec");
    spec.field("containers").check(!containers().isEmpty(), "must have at least one container");
    Set<String> containerNames = new LinkedHashSet<>();
    for (Map.Entry<Container, ContainerKind> placed : placedContainers()) {
      Container container = placed.getKey();
      Validation at = spec.field(placed.getValue().field()).key(container.name());
      at.field("name").check(containerNames.add(container.name()),
          "must be unique among the containers and init containers of the pod, '%s' is used twice",
          container.name());
    }

    Set<String> volumeNames = new HashSet<>(extraVolumes);
    for (Volume volume : volumes()) {
      Validation at = spec.field("volumes").key(volume.name());
      if (Names.checkDns1123Label(at.field("name"), volume.name())) {
        at.field("name").check(volumeNames.add(volume.name()), "must be unique in the pod, '%s' is used twice",
            volume.name());
      }
      volume.validate(at, containerNames);
      if (volume.isHostPath()) {
        at.field("hostPath").check(security().allowsHostPath(), "mounts a path of the node, which Pod Security"
            + " baseline forbids: opt out with PodOptOut.hostPath(reason)");
      }
    }

    Duration grace = terminationGracePeriod().orElse(ContainerContext.DEFAULT_TERMINATION_GRACE_PERIOD);
    terminationGracePeriod().ifPresent(d ->
        Seconds.check(spec.field("terminationGracePeriodSeconds"), d, 0, Seconds.INT64));
    for (Map.Entry<Container, ContainerKind> placed : placedContainers()) {
      Container container = placed.getKey();
      ContainerKind kind = placed.getValue();
      container.validate(spec.field(kind.field()).key(container.name()), new ContainerContext(
          kind, volumeNames, containerNames, grace, security().allowsRoot()));
      if (security().usesHostNetwork()) {
        for (int i = 0; i < container.ports().size(); i++) {
          Port port = container.ports().get(i);
          int index = i;
          port.hostPort().ifPresent(hostPort -> spec.field(kind.field()).key(container.name())
              .field("ports").index(index).field("hostPort").check(hostPort == port.containerPort(),
                  "must equal containerPort (%d) when the pod uses the host network, was %d",
                  port.containerPort(), hostPort));
        }
      }
    }

    serviceAccountName().ifPresent(name -> Names.checkDns1123Subdomain(spec.field("serviceAccountName"), name));
    priorityClassName().ifPresent(name -> Names.checkDns1123Subdomain(spec.field("priorityClassName"), name));
    for (int i = 0; i < imagePullSecrets().size(); i++) {
      Names.checkDns1123Subdomain(spec.field("imagePullSecrets").index(i).field("name"), imagePullSecrets().get(i));
    }
    hostname().ifPresent(name -> Names.checkDns1123Label(spec.field("hostname"), name));
    subdomain().ifPresent(name -> Names.checkDns1123Label(spec.field("subdomain"), name));
    security().validate(spec);
    PlacementChecks.validate(spec, placement());
  }

  /** Every container with where it sits: init containers and sidecars first, then app containers. */
  private List<Map.Entry<Container, ContainerKind>> placedContainers() {
    List<Map.Entry<Container, ContainerKind>> placed = new ArrayList<>();
    initContainers().forEach(c -> placed.add(Map.entry(c, c.sidecar() ? ContainerKind.SIDECAR : ContainerKind.INIT)));
    containers().forEach(c -> placed.add(Map.entry(c, ContainerKind.APP)));
    return placed;
  }

  /**
   * The client-java pod template: labels are {@code ownPodLabels} (the workload's, which its
   * selector matches) then {@link #labels()}; annotations are {@link #annotations()} then one per
   * security opt-out holder ({@link SecurityOptOut}); no empty lists or maps. A fresh object each call.
   */
  public V1PodTemplateSpec render(Map<String, String> ownPodLabels, RenderContext context) {
    return render(ownPodLabels, ownPodLabels, context);
  }

  /**
   * As {@link #render(Map, RenderContext)}, where placement terms about "the pod's own pods"
   * (anti-affinity, topology spread) select with {@code selectorLabels}: the owning workload's
   * selector, a subset of {@code ownPodLabels}.
   */
  public V1PodTemplateSpec render(Map<String, String> ownPodLabels, Map<String, String> selectorLabels,
      RenderContext context) {
    V1ObjectMeta metadata = new V1ObjectMeta().finalizers(null).managedFields(null).ownerReferences(null);
    Map<String, String> podLabels = new LinkedHashMap<>(ownPodLabels);
    podLabels.putAll(labels());
    metadata.setLabels(podLabels.isEmpty() ? null : podLabels);
    Map<String, String> podAnnotations = new LinkedHashMap<>(annotations());
    podAnnotations.putAll(optOutAnnotations());
    metadata.setAnnotations(podAnnotations.isEmpty() ? null : podAnnotations);

    V1PodSpec spec = new V1PodSpec()
        .containers(null).ephemeralContainers(null).hostAliases(null).imagePullSecrets(null)
        .initContainers(null).nodeSelector(null).overhead(null).readinessGates(null).resourceClaims(null)
        .schedulingGates(null).tolerations(null).topologySpreadConstraints(null).volumes(null);
    spec.setInitContainers(renderContainers(initContainers()));
    spec.setContainers(renderContainers(containers()));
    if (!volumes().isEmpty()) {
      List<V1Volume> rendered = new ArrayList<>();
      volumes().forEach(volume -> rendered.add(volume.toV1Volume()));
      spec.setVolumes(rendered);
    }
    serviceAccountName().ifPresent(spec::setServiceAccountName);
    spec.setAutomountServiceAccountToken(automountServiceAccountToken());
    priorityClassName().ifPresent(spec::setPriorityClassName);
    terminationGracePeriod().ifPresent(d -> spec.setTerminationGracePeriodSeconds(d.getSeconds()));
    if (!imagePullSecrets().isEmpty()) {
      List<V1LocalObjectReference> secrets = new ArrayList<>();
      imagePullSecrets().forEach(name -> secrets.add(new V1LocalObjectReference().name(name)));
      spec.setImagePullSecrets(secrets);
    }
    restartPolicy().ifPresent(policy -> spec.setRestartPolicy(policy.value()));
    dnsPolicy().ifPresent(policy -> spec.setDnsPolicy(policy.value()));
    hostname().ifPresent(spec::setHostname);
    subdomain().ifPresent(spec::setSubdomain);
    security().applyTo(spec);

    placement().applyTo(spec, selectorLabels);

    return new V1PodTemplateSpec().metadata(metadata).spec(spec);
  }

  private static List<V1Container> renderContainers(List<Container> containers) {
    if (containers.isEmpty()) {
      return null;
    }
    List<V1Container> rendered = new ArrayList<>();
    containers.forEach(container -> rendered.add(container.toV1Container()));
    return rendered;
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

  /** Builds a {@link PodTemplate}; nothing is checked until the owning workload is built. */
  public static final class Builder extends ImmutablePodTemplate.Builder {
    Builder() {}

    /** Adds an app container. */
    public Builder container(Container container) {
      return addContainer(container);
    }

    /** Adds an app container. */
    public Builder container(Container.Builder container) {
      return addContainer(container.build());
    }

    /** Adds an init container, which runs to completion before the next one starts. */
    public Builder initContainer(Container container) {
      return addInitContainer(container);
    }

    /** Adds an init container. */
    public Builder initContainer(Container.Builder container) {
      return addInitContainer(container.build());
    }

    /**
     * Adds a native sidecar: an init container with {@code restartPolicy: Always}, started in
     * order with the init containers and kept running alongside the app containers.
     */
    public Builder sidecar(Container container) {
      return addInitContainer(container.asSidecar());
    }

    /** Adds a native sidecar. */
    public Builder sidecar(Container.Builder container) {
      return sidecar(container.build());
    }

    /** Adds a volume. */
    public Builder volume(Volume volume) {
      return addVolume(volume);
    }

    /** Adds a volume. */
    public Builder volume(Volume.Buildable volume) {
      return addVolume(volume.build());
    }

    /** Adds a registry credentials Secret. */
    public Builder imagePullSecret(String secret) {
      return addImagePullSecret(secret);
    }

    /** Sets the pod's security context. */
    public Builder placement(Placement.Builder placement) {
      return placement(placement.build());
    }

    public Builder security(PodSecurity.Builder security) {
      return security(security.build());
    }
  }
}
