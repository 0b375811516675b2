package dev.mizzen.dsl.app;

import dev.mizzen.dsl.availability.HorizontalPodAutoscaler;
import dev.mizzen.dsl.availability.PodDisruptionBudget;
import dev.mizzen.dsl.availability.ScaleTarget;
import dev.mizzen.dsl.container.Container;
import dev.mizzen.dsl.container.Port;
import dev.mizzen.dsl.internal.PodSelectors;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RecommendedLabels;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.dsl.network.Ingress;
import dev.mizzen.dsl.network.IngressBackend;
import dev.mizzen.dsl.network.NetworkPolicy;
import dev.mizzen.dsl.network.NetworkPolicyPeer;
import dev.mizzen.dsl.network.NetworkPolicyRule;
import dev.mizzen.dsl.network.PodSelector;
import dev.mizzen.dsl.network.Service;
import dev.mizzen.dsl.network.ServicePort;
import dev.mizzen.dsl.pod.PersistentVolumeClaimVolume;
import dev.mizzen.dsl.pod.Volume;
import dev.mizzen.dsl.port.PortRef;
import dev.mizzen.dsl.storage.PersistentVolumeClaim;
import dev.mizzen.dsl.workload.CronJob;
import dev.mizzen.dsl.workload.Deployment;
import dev.mizzen.dsl.workload.LongRunningWorkload;
import dev.mizzen.dsl.workload.StatefulSet;
import dev.mizzen.dsl.workload.Workload;
import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.validation.ObjectRef;
import dev.mizzen.validation.Problem;
import dev.mizzen.validation.internal.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what no single object can: references between the objects of an {@link App}, in the
 * App's namespace and labels. Each problem names the object holding the reference and its
 * field path.
 *
 * <ul>
 *   <li>a workload's pod labels keep {@code app.kubernetes.io/part-of}, which its selector matches;
 *   <li>no two Deployments, StatefulSets or DaemonSets in one namespace have overlapping selectors;
 *   <li>a workload that an HPA of the app scales leaves its replicas unset;
 *   <li>a Service, PodDisruptionBudget or NetworkPolicy (and a NetworkPolicy's pod peers in its
 *       own namespace, whether implied or named) selects the pods of at least one workload of the
 *       app, in its namespace;
 *   <li>a Service's target ports, by name or number and protocol, are declared by each workload
 *       it selects (by its app containers or native sidecars, where Kubernetes looks for them);
 *   <li>an Ingress backend is a Service of the app, in its namespace, on one of its ports;
 *   <li>an HPA scales a Deployment or StatefulSet of the app, in its namespace, and that workload
 *       leaves {@code replicas} unset, which the HPA owns;
 *   <li>a StatefulSet's {@code serviceName} is a Service of the app, in its namespace;
 *   <li>a pod volume made from a {@code PersistentVolumeClaim} value mounts it in the claim's
 *       namespace (claims named by a string may live outside the app and are not checked).
 * </ul>
 *
 * <p>An object that failed to build is not there to check against, but it is not missing either:
 * a reference to it by kind and name is not reported, nor is a selector that selects no workload
 * while a workload failed to build.
 */
final class References {
  private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");
  private static final String SELECT_A_WORKLOAD = "select a workload of the app, e.g. selecting(workload)";

  private final List<KubernetesResource> resources;
  private final RenderContext context;
  private final List<Workload> workloads;
  private final List<Service> services;
  private final List<HorizontalPodAutoscaler> autoscalers;
  /** The objects that failed to build, as {@code Kind/name}. */
  private final Set<String> unbuilt;

  private References(List<KubernetesResource> resources, RenderContext context, Set<String> unbuilt) {
    this.resources = resources;
    this.context = context;
    this.unbuilt = unbuilt;
    this.workloads = resources.stream().filter(Workload.class::isInstance).map(Workload.class::cast).toList();
    this.services = resources.stream().filter(Service.class::isInstance).map(Service.class::cast).toList();
    this.autoscalers = resources.stream().filter(HorizontalPodAutoscaler.class::isInstance)
        .map(HorizontalPodAutoscaler.class::cast).toList();
  }

  /**
   * Every broken reference between {@code resources}, rendered in {@code context}, but those to
   * the objects in {@code unbuilt} ({@code Kind/name}), which failed to build.
   */
  static List<Problem> check(List<KubernetesResource> resources, RenderContext context, Set<String> unbuilt) {
    return new References(resources, context, unbuilt).check();
  }

  /** Whether the object {@code kind}/{@code name} was added but failed to build. */
  private boolean unbuilt(String kind, String name) {
    return unbuilt.contains(ObjectRef.of(kind, name).toString());
  }

  /** Whether a workload was added but failed to build: its pods are unknown. */
  private boolean aWorkloadUnbuilt() {
    return unbuilt.stream().anyMatch(object -> WORKLOAD_KINDS.contains(object.split("/", 2)[0]));
  }

  private List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    for (KubernetesResource resource : resources) {
      Validation v = Validation.of(resource.objectRef());
      if (resource instanceof Workload workload) {
        checkPartOf(workload, v);
        checkClaimNamespaces(workload, v);
        if (workload instanceof LongRunningWorkload owner) {
          checkSelectorOverlaps(owner, v.field("spec.selector"));
        }
        if (workload instanceof Deployment deployment) {
          checkReplicasLeftToAutoscaler(deployment, deployment.replicas(), v.field("spec.replicas"));
        } else if (workload instanceof StatefulSet statefulSet) {
          checkReplicasLeftToAutoscaler(statefulSet, statefulSet.replicas(), v.field("spec.replicas"));
          statefulSet.serviceName().ifPresent(name -> service(statefulSet, name, v.field("spec.serviceName")));
        }
      } else if (resource instanceof Service service) {
        service.selecting().ifPresent(selector -> {
          List<Workload> selected = selected(service, selector, v.field("spec.selector"));
          selected.forEach(workload -> checkTargetPorts(service, workload, v.field("spec.ports")));
        });
      } else if (resource instanceof PodDisruptionBudget pdb) {
        pdb.selecting().filter(s -> !s.selectsAll()).ifPresent(s -> selected(pdb, s, v.field("spec.selector")));
      } else if (resource instanceof NetworkPolicy policy) {
        policy.selecting().filter(s -> !s.selectsAll()).ifPresent(s -> selected(policy, s, v.field("spec.podSelector")));
        checkPeers(policy, policy.ingressRules(), v.field("spec.ingress"), "from");
        checkPeers(policy, policy.egressRules(), v.field("spec.egress"), "to");
      } else if (resource instanceof Ingress ingress) {
        ingress.defaultBackend().ifPresent(b -> checkBackend(ingress, b, v.field("spec.defaultBackend")));
        for (int r = 0; r < ingress.rules().size(); r++) {
          var paths = ingress.rules().get(r).paths();
          for (int p = 0; p < paths.size(); p++) {
            checkBackend(ingress, paths.get(p).backend(),
                v.field("spec.rules").index(r).field("http.paths").index(p).field("backend"));
          }
        }
      } else if (resource instanceof HorizontalPodAutoscaler hpa) {
        hpa.scaling().ifPresent(target -> checkScaleTarget(hpa, target, v.field("spec.scaleTargetRef")));
      }
      problems.addAll(v.problems());
    }
    return problems;
  }

  /** The namespace {@code resource} renders in. */
  private String namespace(KubernetesResource resource) {
    return resource.namespace().or(context::namespace).orElse("");
  }

  /** The labels of {@code workload}'s pods, as rendered in the app. */
  private Map<String, String> podLabels(Workload workload) {
    Map<String, String> labels = new LinkedHashMap<>(RecommendedLabels.of(workload.componentName(), context));
    labels.putAll(workload.podSelector(context));
    labels.putAll(workload.pod().labels());
    return labels;
  }

  private static String templatePath(Workload workload) {
    return workload instanceof CronJob ? "spec.jobTemplate.spec.template" : "spec.template";
  }

  private void checkPartOf(Workload workload, Validation v) {
    String podPartOf = workload.pod().labels().get(RecommendedLabels.PART_OF);
    context.partOf().ifPresent(app -> {
      if (podPartOf != null && !podPartOf.equals(app)) {
        v.field(templatePath(workload)).field("metadata.labels").key(RecommendedLabels.PART_OF).problem(
            "must be the App's name '%s', which the workload's selector matches, was '%s': remove the pod label",
            app, podPartOf);
      }
    });
  }

  /** Reports each pod volume made from a claim value in a namespace other than the pod's. */
  private void checkClaimNamespaces(Workload workload, Validation v) {
    for (Volume volume : workload.pod().volumes()) {
      if (volume instanceof PersistentVolumeClaimVolume mount && mount.declaredClaim().isPresent()) {
        PersistentVolumeClaim claim = mount.declaredClaim().get();
        v.field(templatePath(workload)).field("spec.volumes").key(volume.name())
            .field("persistentVolumeClaim.claimName").check(namespace(claim).equals(namespace(workload)),
                "is %s in namespace '%s', but the pods run in namespace '%s': a pod mounts only claims of its"
                    + " own namespace", claim.objectRef(), namespace(claim), namespace(workload));
      }
    }
  }

  /**
   * Reports at {@code v} each workload added before {@code owner}, in its namespace, whose selector
   * overlaps its own: one controller could adopt the other's pods. (An object added twice is
   * reported as a duplicate instead.)
   */
  private void checkSelectorOverlaps(LongRunningWorkload owner, Validation v) {
    Map<String, String> selector = owner.podSelector(context);
    for (Workload earlier : workloads) {
      if (earlier == owner) {
        return;
      }
      Map<String, String> other = earlier.podSelector(context);
      if (earlier instanceof LongRunningWorkload && namespace(earlier).equals(namespace(owner))
          && !earlier.objectRef().equals(owner.objectRef()) && overlap(selector, other)) {
        v.problem("overlaps the selector of %s (%s): no label key they share has different values, so one"
            + " could adopt the other's pods: give each a distinct track (track(\"stable\"), track(\"canary\")) or"
            + " selector label, or make them different components", earlier.objectRef(), describe(other));
      }
    }
  }

  /** Whether a pod can match both label selectors: no key they share has different values. */
  private static boolean overlap(Map<String, String> a, Map<String, String> b) {
    return a.entrySet().stream().noneMatch(e -> b.containsKey(e.getKey()) && !b.get(e.getKey()).equals(e.getValue()));
  }

  /**
   * Reports a fixed {@code replicas} on a workload that an HPA of the app scales (same kind, name
   * and namespace): every apply would reset the count the autoscaler chose.
   */
  private void checkReplicasLeftToAutoscaler(Workload workload, OptionalInt replicas, Validation v) {
    if (replicas.isEmpty()) {
      return;
    }
    autoscalers.stream()
        .filter(hpa -> hpa.scaling()
            .filter(t -> t.kind().equals(workload.kind()) && t.name().equals(workload.name())).isPresent()
            && namespace(hpa).equals(namespace(workload)))
        .findFirst()
        .ifPresent(hpa -> v.problem("must be unset, since %s scales it: every apply would set the count back to %d,"
            + " whatever the autoscaler chose; drop replicas(%d), and on create the autoscaler's minReplicas (%d)"
            + " applies", hpa.objectRef(), replicas.getAsInt(), replicas.getAsInt(), hpa.minReplicas()));
  }

  /** The workloads in the namespace of {@code holder} whose pods {@code selector} selects; reports none at {@code v}. */
  private List<Workload> selected(KubernetesResource holder, PodSelector selector, Validation v) {
    return selected(holder, selector, v, "", SELECT_A_WORKLOAD, false);
  }

  /**
   * As {@link #selected(KubernetesResource, PodSelector, Validation)}, the message saying
   * {@code where} after what is selected and ending with {@code noneFix} when no workload has
   * such pods; for a {@code peer}, when only workloads in other namespaces have them, it names
   * the namespace to give.
   */
  private List<Workload> selected(KubernetesResource holder, PodSelector selector, Validation v, String where,
      String noneFix, boolean peer) {
    Map<String, String> wanted = PodSelectors.render(selector, context);
    List<Workload> matching = workloads.stream()
        .filter(w -> LabelSelector.matches(wanted, podLabels(w))).toList();
    List<Workload> selected = matching.stream().filter(w -> namespace(w).equals(namespace(holder))).toList();
    if (selected.isEmpty() && !aWorkloadUnbuilt()) {
      String what = selector.component().isPresent() && selector.matchLabels().isEmpty()
          ? "selects the pods of component '" + selector.component().get() + "'"
          : "selects pods labelled " + describe(wanted);
      if (!matching.isEmpty()) {
        String fix = peer ? ": name their namespace, e.g. inNamespace(\"" + namespace(matching.get(0)) + "\")" : "";
        v.problem("%s%s, but the app's workloads with such pods are in another namespace (%s), not '%s'%s", what,
            where,
            matching.stream().map(w -> w.objectRef() + " in '" + namespace(w) + "'").collect(Collectors.joining(", ")),
            namespace(holder), fix);
      } else {
        v.problem("%s%s, but no workload of the app has such pods (%s): %s", what, where, workloadList(holder),
            noneFix);
      }
    }
    return selected;
  }

  private String workloadList(KubernetesResource holder) {
    List<Workload> inNamespace = workloads.stream().filter(w -> namespace(w).equals(namespace(holder))).toList();
    if (inNamespace.isEmpty()) {
      return "it has none in namespace '" + namespace(holder) + "'";
    }
    return "its workloads: " + inNamespace.stream()
        .map(w -> w.objectRef() + " (component '" + w.componentName() + "')").collect(Collectors.joining(", "));
  }

  private static String describe(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /**
   * Checks the pod peers in the policy's own namespace, implied or named ({@code inNamespace} of
   * it): those render with the app's {@code part-of}, so only the app's workloads can match them.
   * Peers elsewhere select other applications' pods, which the app cannot know.
   */
  private void checkPeers(NetworkPolicy policy, List<NetworkPolicyRule> rules, Validation at, String peersField) {
    String namespace = namespace(policy);
    for (int r = 0; r < rules.size(); r++) {
      List<NetworkPolicyPeer> peers = rules.get(r).peers();
      for (int p = 0; p < peers.size(); p++) {
        NetworkPolicyPeer peer = peers.get(p);
        Optional<PodSelector> selector = peer.podSelector().filter(s -> !s.selectsAll());
        if (selector.isEmpty() || !peer.inPolicyNamespace(Optional.of(namespace))) {
          continue;
        }
        Validation v = at.index(r).field(peersField).index(p).field("podSelector");
        if (peer.namespaceSelector().isEmpty()) {
          selected(policy, selector.get(), v, "", SELECT_A_WORKLOAD, true);
        } else {
          String where = " in namespace '" + namespace + "', the policy's own" + context.partOf()
              .filter(app -> selector.get().component().isPresent())
              .map(app -> ", where only the app's pods match (" + RecommendedLabels.PART_OF + "=" + app + ")")
              .orElse("");
          selected(policy, selector.get(), v, where, "name a component of the app, or, for another app's pods,"
              + " the namespace they run in: inNamespace(\"<namespace>\")", true);
        }
      }
    }
  }

  /** The ports where Kubernetes resolves a Service's target port: app containers, then native sidecars. */
  private static List<Port> servingPorts(Workload workload) {
    List<Container> containers = new ArrayList<>(workload.pod().containers());
    workload.pod().initContainers().stream().filter(Container::sidecar).forEach(containers::add);
    return containers.stream().flatMap(c -> c.ports().stream()).toList();
  }

  private static void checkTargetPorts(Service service, Workload workload, Validation ports) {
    List<Port> declared = servingPorts(workload);
    String list = declared.isEmpty() ? "none" : declared.stream().map(Port::toString).collect(Collectors.joining(", "));
    for (int i = 0; i < service.ports().size(); i++) {
      ServicePort port = service.ports().get(i);
      PortRef target = port.effectiveTargetPort();
      String protocol = port.protocol().value();
      Validation at = ports.index(i).field("targetPort");
      boolean found = declared.stream().anyMatch(p -> p.protocol() == port.protocol() && (target.isName()
          ? p.name().equals(target.name())
          : p.containerPort() == target.number().getAsInt()));
      String what = target.isName() ? "names port '" + target.name().get() + "'" : "is port " + target.number().getAsInt();
      at.check(found, "%s/%s, which no container of %s declares (its ports: %s)", what, protocol,
          workload.objectRef(), list);
    }
  }

  private Optional<Service> service(KubernetesResource holder, String name, Validation v) {
    Optional<Service> service = services.stream()
        .filter(s -> s.name().equals(name) && namespace(s).equals(namespace(holder))).findFirst();
    v.check(service.isPresent() || unbuilt("Service", name),
        "names Service '%s', which is not part of the app in namespace '%s'", name, namespace(holder));
    return service;
  }

  private void checkBackend(Ingress ingress, IngressBackend backend, Validation v) {
    Optional<Service> service = service(ingress, backend.serviceName(), v.field("service.name"));
    if (service.isEmpty()) {
      return;
    }
    PortRef port = backend.port();
    boolean found = service.get().ports().stream().anyMatch(p -> port.isName()
        ? p.name().equals(port.name())
        : p.port() == port.number().getAsInt());
    String ports = service.get().ports().stream()
        .map(p -> p.name().map(n -> n + ":").orElse("") + p.port()).collect(Collectors.joining(", "));
    v.field("service.port").check(found, "is %s, which Service %s does not expose (its ports: %s)",
        port.isName() ? "port '" + port.name().get() + "'" : "port " + port.number().getAsInt(),
        backend.serviceName(), ports.isEmpty() ? "none" : ports);
  }

  private void checkScaleTarget(HorizontalPodAutoscaler hpa, ScaleTarget target, Validation v) {
    Optional<KubernetesResource> found = resources.stream()
        .filter(r -> r.kind().equals(target.kind()) && r.name().equals(target.name())
            && namespace(r).equals(namespace(hpa)))
        .findFirst();
    if (found.isEmpty() && unbuilt(target.kind(), target.name())) {
      return;
    }
    if (!v.check(found.isPresent(), "scales %s/%s, which is not part of the app in namespace '%s'",
        target.kind(), target.name(), namespace(hpa))) {
      return;
    }
    KubernetesResource resource = found.get();
    v.field("apiVersion").check(resource.apiVersion().equals(target.apiVersion()),
        "must be %s, the apiVersion of %s, was %s", resource.apiVersion(), resource.objectRef(), target.apiVersion());
    v.check(!(resource instanceof Workload) || resource instanceof Deployment || resource instanceof StatefulSet,
        "scales %s, which has no scale subresource: scale a Deployment or a StatefulSet", resource.objectRef());
  }
}
