package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.pod.PodTemplate;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.security.SecurityOptOut;
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
import java.util.Set;

/**
 * Checks and renders a {@link PodTemplate} for the workload that holds it: the workload knows
 * the path of its template, the volumes it adds (a StatefulSet's claim templates), its own pod
 * labels and its selector.
 */
public final class PodTemplates {
  private PodTemplates() {}

  /**
   * Checks the template; {@code v} is positioned at the pod template ({@code spec.template}), so
   * problems land on {@code metadata.labels[...]}, {@code spec.containers[web]...},
   * {@code spec.volumes[tmp]...}.
   */
  public static void validate(Validation v, PodTemplate template) {
    validate(v, template, Set.of(), OWN_POD_SELECTOR_KEYS);
  }

  /**
   * The keys of the selector of every workload's own pods ({@link RecommendedLabels#selector}),
   * which placement terms about the pod's own pods render as their label selector.
   */
  public static final Set<String> OWN_POD_SELECTOR_KEYS = Set.of(RecommendedLabels.NAME, RecommendedLabels.PART_OF);

  /**
   * As {@link #validate(Validation, PodTemplate)}, where the pod also has the volumes named in
   * {@code extraVolumes}, which mounts may name (a StatefulSet's claim templates), and placement
   * terms about the pod's own pods select with the keys {@code ownPodSelectorKeys} (the
   * workload's selector).
   */
  public static void validate(Validation v, PodTemplate template, Set<String> extraVolumes,
      Set<String> ownPodSelectorKeys) {
    Validation metadata = v.field("metadata");
    Metadata.validateLabels(metadata.field("labels"), template.labels());
    // Selector labels (name, part-of) are checked by the workload and the App, which know them.
    Map<String, String> allAnnotations = new LinkedHashMap<>(template.annotations());
    allAnnotations.putAll(template.optOutAnnotations());
    Metadata.validateAnnotations(metadata.field("annotations"), allAnnotations);
    template.annotations().keySet().stream().filter(SecurityOptOut::isOptOutAnnotation).forEach(key ->
        metadata.field("annotations").key(key).problem("is reserved for the reasons of security opt-outs:"
            + " give them with PodOptOut or ContainerOptOut"));

    Validation spec = v.field("spec");
    spec.field("containers").check(!template.containers().isEmpty(), "must have at least one container");
    Set<String> containerNames = new LinkedHashSet<>();
    for (Map.Entry<Container, ContainerKind> placed : placedContainers(template)) {
      Container container = placed.getKey();
      Validation at = spec.field(placed.getValue().field()).key(container.name());
      at.field("name").check(containerNames.add(container.name()),
          "must be unique among the containers and init containers of the pod, '%s' is used twice",
          container.name());
    }

    Set<String> volumeNames = new HashSet<>(extraVolumes);
    for (Volume volume : template.volumes()) {
      Validation at = spec.field("volumes").key(volume.name());
      if (Names.checkDns1123Label(at.field("name"), volume.name())) {
        at.field("name").check(volumeNames.add(volume.name()), "must be unique in the pod, '%s' is used twice",
            volume.name());
      }
      Volumes.validate(at, volume, containerNames);
      Volumes.validateBlockClaimNotMounted(at, volume, template.allContainers());
      if (volume.isHostPath()) {
        at.field("hostPath").check(template.security().allowsHostPath(), "mounts a path of the node, which Pod"
            + " Security baseline forbids: opt out with PodOptOut.hostPath(reason)");
      }
    }

    Duration grace = template.terminationGracePeriod().orElse(ContainerContext.DEFAULT_TERMINATION_GRACE_PERIOD);
    template.terminationGracePeriod().ifPresent(d ->
        Seconds.check(spec.field("terminationGracePeriodSeconds"), d, 0, Seconds.INT64));
    for (Map.Entry<Container, ContainerKind> placed : placedContainers(template)) {
      Container container = placed.getKey();
      ContainerKind kind = placed.getValue();
      Containers.validate(spec.field(kind.field()).key(container.name()), container, new ContainerContext(
          kind, volumeNames, containerNames, grace, template.security().allowsRoot()));
      if (template.security().usesHostNetwork()) {
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

    template.serviceAccountName().ifPresent(name ->
        Names.checkDns1123Subdomain(spec.field("serviceAccountName"), name));
    template.priorityClassName().ifPresent(name ->
        Names.checkDns1123Subdomain(spec.field("priorityClassName"), name));
    for (int i = 0; i < template.imagePullSecrets().size(); i++) {
      Names.checkDns1123Subdomain(spec.field("imagePullSecrets").index(i).field("name"),
          template.imagePullSecrets().get(i));
    }
    template.hostname().ifPresent(name -> Names.checkDns1123Label(spec.field("hostname"), name));
    template.subdomain().ifPresent(name -> Names.checkDns1123Label(spec.field("subdomain"), name));
    SecurityContexts.validate(spec, template.security());
    PlacementChecks.validate(spec, template.placement(), ownPodSelectorKeys);
  }

  /** Every container with where it sits: init containers and sidecars first, then app containers. */
  private static List<Map.Entry<Container, ContainerKind>> placedContainers(PodTemplate template) {
    List<Map.Entry<Container, ContainerKind>> placed = new ArrayList<>();
    template.initContainers().forEach(c ->
        placed.add(Map.entry(c, c.sidecar() ? ContainerKind.SIDECAR : ContainerKind.INIT)));
    template.containers().forEach(c -> placed.add(Map.entry(c, ContainerKind.APP)));
    return placed;
  }

  /**
   * The client-java pod template: labels are {@code ownPodLabels} (the workload's, which its
   * selector matches) then {@link PodTemplate#labels()}; annotations are
   * {@link PodTemplate#annotations()} then one per security opt-out holder ({@link SecurityOptOut});
   * no empty lists or maps. A fresh object each call.
   */
  public static V1PodTemplateSpec render(PodTemplate template, Map<String, String> ownPodLabels,
      RenderContext context) {
    return render(template, ownPodLabels, ownPodLabels, context);
  }

  /**
   * As {@link #render(PodTemplate, Map, RenderContext)}, where placement terms about "the pod's
   * own pods" (anti-affinity, topology spread) select with {@code selectorLabels}: the owning
   * workload's selector, a subset of {@code ownPodLabels}.
   */
  public static V1PodTemplateSpec render(PodTemplate template, Map<String, String> ownPodLabels,
      Map<String, String> selectorLabels, RenderContext context) {
    V1ObjectMeta metadata = new V1ObjectMeta().finalizers(null).managedFields(null).ownerReferences(null);
    Map<String, String> podLabels = new LinkedHashMap<>(ownPodLabels);
    podLabels.putAll(template.labels());
    metadata.setLabels(podLabels.isEmpty() ? null : podLabels);
    Map<String, String> podAnnotations = new LinkedHashMap<>(template.annotations());
    podAnnotations.putAll(template.optOutAnnotations());
    metadata.setAnnotations(podAnnotations.isEmpty() ? null : podAnnotations);

    V1PodSpec spec = new V1PodSpec()
        .containers(null).ephemeralContainers(null).hostAliases(null).imagePullSecrets(null)
        .initContainers(null).nodeSelector(null).overhead(null).readinessGates(null).resourceClaims(null)
        .schedulingGates(null).tolerations(null).topologySpreadConstraints(null).volumes(null);
    spec.setInitContainers(renderContainers(template.initContainers()));
    spec.setContainers(renderContainers(template.containers()));
    if (!template.volumes().isEmpty()) {
      List<V1Volume> rendered = new ArrayList<>();
      template.volumes().forEach(volume -> rendered.add(volume.toV1Volume()));
      spec.setVolumes(rendered);
    }
    template.serviceAccountName().ifPresent(spec::setServiceAccountName);
    spec.setAutomountServiceAccountToken(template.automountServiceAccountToken());
    template.priorityClassName().ifPresent(spec::setPriorityClassName);
    template.terminationGracePeriod().ifPresent(d -> spec.setTerminationGracePeriodSeconds(d.getSeconds()));
    if (!template.imagePullSecrets().isEmpty()) {
      List<V1LocalObjectReference> secrets = new ArrayList<>();
      template.imagePullSecrets().forEach(name -> secrets.add(new V1LocalObjectReference().name(name)));
      spec.setImagePullSecrets(secrets);
    }
    template.restartPolicy().ifPresent(policy -> spec.setRestartPolicy(policy.value()));
    template.dnsPolicy().ifPresent(policy -> spec.setDnsPolicy(policy.value()));
    template.hostname().ifPresent(spec::setHostname);
    template.subdomain().ifPresent(spec::setSubdomain);
    template.security().applyTo(spec);

    template.placement().applyTo(spec, selectorLabels);

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
}
