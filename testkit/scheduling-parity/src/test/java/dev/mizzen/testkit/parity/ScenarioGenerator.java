package dev.mizzen.testkit.parity;

import dev.mizzen.scheduling.TaintEffect;
import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.fleet.Node;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodAffinity;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PreferredSchedulingTerm;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, reproducible scheduling scenarios: 1 to 7 nodes with zones, pools, labels, taints and
 * capacities; up to 5 pods already placed; in half of them a Service selecting 2 to 4 more placed
 * pods (and perhaps the new one); in one of 8 a pod of the new pod's app on every node, which
 * the new pod must avoid per host; in one of 10 no zones at all, over which the new pod must
 * spread; and one pod with a random mix of node selectors, node
 * affinity, tolerations, host ports, requests (with init containers and sidecars), pod
 * (anti-)affinity and topology spread constraints. Scenario {@code i} of seed {@code s} is the
 * same on every run.
 */
final class ScenarioGenerator {
  /** The node label, and pod node selector, that keeps each scenario on its own nodes. */
  static final String SCENARIO_LABEL = "parity.mizzen.dev/scenario";
  private static final String[] ZONES = {"za", "zb", "zc", "zd"};
  private static final String[] POOLS = {"general", "batch", "gpu"};
  private static final String[] APPS = {"web", "cache", "db"};
  private static final String GPU = "nvidia.com/gpu";
  /** A RuntimeClass whose pods carry an overhead (set by the API server's RuntimeClass admission). */
  static final String OVERHEAD_RUNTIME_CLASS = "parity-overhead";
  /** The overhead of {@link #OVERHEAD_RUNTIME_CLASS}. */
  static final Map<String, String> OVERHEAD = Map.of("cpu", "250m", "memory", "120Mi");

  private final long seed;

  ScenarioGenerator(long seed) {
    this.seed = seed;
  }

  Scenario scenario(int index) {
    Random r = new Random(seed * 1_000_003L + index);
    String id = "s" + index;
    String namespace = "p-" + id;
    String other = "p-" + id + "-b";
    Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
    namespaces.put(namespace, Map.of("team", pick(r, "x", "y")));
    namespaces.put(other, Map.of("team", pick(r, "x", "y")));

    List<String> zones = new ArrayList<>(List.of(ZONES).subList(0, 1 + r.nextInt(3)));
    List<Node> nodes = new ArrayList<>();
    int nodeCount = 1 + r.nextInt(7);
    for (int j = 1; j <= nodeCount; j++) {
      nodes.add(node(r, id, j, zones));
    }

    List<V1Pod> existing = new ArrayList<>();
    int existingCount = r.nextInt(6);
    for (int k = 1; k <= existingCount; k++) {
      String ns = r.nextInt(5) == 0 ? other : namespace;
      existing.add(existingPod(r, id, ns, id + "-e" + k, nodes.get(r.nextInt(nodes.size())).name()));
    }
    V1Pod incoming = incomingPod(r, id, namespace, other, nodes.size());
    List<Map<String, String>> services = new ArrayList<>();
    if (r.nextBoolean()) {
      String app = r.nextInt(4) == 0 ? APPS[r.nextInt(APPS.length)] : incoming.getMetadata().getLabels().get("app");
      services.add(Map.of("app", app, SCENARIO_LABEL, id));
      // Pods the Service selects, so the system default spread has something to weigh.
      for (int k = 1; k <= 2 + r.nextInt(3); k++) {
        V1Pod member = existingPod(r, id, namespace, id + "-m" + k, nodes.get(r.nextInt(nodes.size())).name());
        member.getMetadata().putLabelsItem("app", app);
        existing.add(member);
      }
    }
    String app = incoming.getMetadata().getLabels().get("app");
    if (r.nextInt(8) == 0) {
      // Crowded: a pod of the same app on every node, and the new pod wants to be alone on its host.
      for (Node node : nodes) {
        V1Pod twin = existingPod(r, id, namespace, id + "-t-" + node.name(), node.name());
        twin.getMetadata().putLabelsItem("app", app);
        existing.add(twin);
      }
      V1Affinity affinity = incoming.getSpec().getAffinity() == null ? new V1Affinity() : incoming.getSpec().getAffinity();
      V1PodAntiAffinity anti = affinity.getPodAntiAffinity() == null ? new V1PodAntiAffinity() : affinity.getPodAntiAffinity();
      anti.addRequiredDuringSchedulingIgnoredDuringExecutionItem(new V1PodAffinityTerm().topologyKey(Topology.HOSTNAME)
          .labelSelector(new V1LabelSelector().matchLabels(Map.of("app", app, SCENARIO_LABEL, id))));
      incoming.getSpec().affinity(affinity.podAntiAffinity(anti));
    }
    if (r.nextInt(10) == 0) {
      // Zoneless: no node has a zone, and the new pod must spread over zones.
      nodes.replaceAll(ScenarioGenerator::withoutZone);
      incoming.getSpec().addTopologySpreadConstraintsItem(new V1TopologySpreadConstraint().topologyKey(Topology.ZONE)
          .maxSkew(1).whenUnsatisfiable("DoNotSchedule")
          .labelSelector(new V1LabelSelector().matchLabels(Map.of("app", app, SCENARIO_LABEL, id))));
      if (incoming.getSpec().getTopologySpreadConstraints().stream()
          .filter(c -> c.getTopologyKey().equals(Topology.ZONE) && c.getWhenUnsatisfiable().equals("DoNotSchedule")).count() > 1) {
        incoming.getSpec().getTopologySpreadConstraints().remove(incoming.getSpec().getTopologySpreadConstraints().size() - 1);
      }
    }
    return new Scenario(seed, index, id, nodes, namespaces, services, existing, incoming);
  }

  private static Node node(Random r, String id, int j, List<String> zones) {
    String pool = POOLS[r.nextInt(POOLS.length)];
    Node.Builder node = Node.named(id + "-n" + j).label(SCENARIO_LABEL, id).pool(pool)
        .capacity("cpu", pick(r, "1", "2", "4", "8"))
        .capacity("memory", pick(r, "2Gi", "4Gi", "8Gi", "16Gi"))
        .capacity("pods", pick(r, "2", "4", "110", "110"));
    if (r.nextInt(20) != 0) {
      node.zone(zones.get(r.nextInt(zones.size())));
    }
    if (r.nextBoolean()) {
      node.label("disk", pick(r, "ssd", "hdd"));
    }
    node.label("gen", String.valueOf(1 + r.nextInt(6)));
    if (pool.equals("gpu") || r.nextInt(5) == 0) {
      node.capacity(GPU, pick(r, "1", "2", "4"));
    }
    if (r.nextBoolean()) {
      node.capacity("ephemeral-storage", pick(r, "10Gi", "50Gi"));
    }
    if (pool.equals("gpu") ? r.nextInt(10) < 7 : r.nextInt(10) == 0) {
      node.taint(GPU, "present", TaintEffect.NO_SCHEDULE);
    }
    if (pool.equals("batch") && r.nextInt(3) == 0) {
      node.taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);
    }
    if (r.nextInt(6) == 0) {
      node.taint("spot", "true", TaintEffect.PREFER_NO_SCHEDULE);
    }
    if (r.nextInt(20) == 0) {
      node.taint("maintenance", "now", TaintEffect.NO_EXECUTE);
    }
    if (r.nextInt(25) == 0) {
      node.unschedulable(true);
    }
    return node.build();
  }

  private static Node withoutZone(Node node) {
    Node.Builder copy = Node.named(node.name()).unschedulable(node.unschedulable());
    node.labels().forEach((key, value) -> {
      if (!key.equals(Topology.ZONE)) {
        copy.label(key, value);
      }
    });
    node.taints().forEach(copy::taint);
    node.capacity().forEach(copy::capacity);
    node.allocatable().forEach(copy::allocatable);
    return copy.build();
  }

  private static V1Pod existingPod(Random r, String id, String namespace, String name, String nodeName) {
    Map<String, String> labels = podLabels(r, id);
    V1PodSpec spec = new V1PodSpec().nodeName(nodeName)
        .addContainersItem(container(r, "main", r.nextInt(10) == 0));
    // Bound directly, so tolerations do not matter to the scheduler; kwok runs them anyway.
    spec.addTolerationsItem(new V1Toleration().operator("Exists"));
    if (r.nextInt(8) == 0) {
      spec.runtimeClassName(OVERHEAD_RUNTIME_CLASS);
    }
    if (r.nextInt(6) == 0) {
      spec.affinity(new V1Affinity().podAntiAffinity(new V1PodAntiAffinity()
          .addRequiredDuringSchedulingIgnoredDuringExecutionItem(podTerm(r, id, namespace))));
    } else if (r.nextInt(6) == 0) {
      spec.affinity(new V1Affinity().podAffinity(new V1PodAffinity()
          .addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1WeightedPodAffinityTerm()
              .weight(1 + r.nextInt(100)).podAffinityTerm(podTerm(r, id, namespace)))));
    } else if (r.nextInt(8) == 0) {
      spec.affinity(new V1Affinity().podAffinity(new V1PodAffinity()
          .addRequiredDuringSchedulingIgnoredDuringExecutionItem(podTerm(r, id, namespace))));
    }
    return new V1Pod().apiVersion("v1").kind("Pod")
        .metadata(new V1ObjectMeta().name(name).namespace(namespace).labels(labels)).spec(spec);
  }

  private static V1Pod incomingPod(Random r, String id, String namespace, String other, int nodeCount) {
    Map<String, String> labels = podLabels(r, id);
    V1PodSpec spec = new V1PodSpec().addContainersItem(container(r, "main", r.nextInt(10) == 0));
    if (r.nextInt(4) == 0) {
      spec.addContainersItem(container(r, "helper", false));
    }
    if (r.nextInt(5) == 0) {
      spec.addInitContainersItem(container(r, "sidecar", false).restartPolicy("Always"));
    }
    if (r.nextInt(5) == 0) {
      spec.addInitContainersItem(container(r, "init", false));
    }
    Map<String, String> nodeSelector = new LinkedHashMap<>();
    nodeSelector.put(SCENARIO_LABEL, id);
    if (r.nextInt(5) == 0) {
      nodeSelector.put(dev.mizzen.scheduling.fleet.Node.POOL_LABEL, POOLS[r.nextInt(POOLS.length)]);
    }
    spec.nodeSelector(nodeSelector);
    spec.tolerations(tolerations(r));
    if (r.nextInt(8) == 0) {
      spec.runtimeClassName(OVERHEAD_RUNTIME_CLASS);
    }
    V1Affinity affinity = new V1Affinity();
    boolean hasAffinity = false;
    if (r.nextInt(4) == 0) {
      List<V1NodeSelectorTerm> terms = new ArrayList<>();
      for (int t = 0; t < 1 + r.nextInt(2); t++) {
        terms.add(nodeTerm(r));
      }
      if (r.nextInt(4) == 0) {
        // Node names (metadata.name fields) in every term: kube-scheduler's NodeAffinity pre-filter
        // narrows the nodes it looks at, or finds the terms conflicting. n8 never exists.
        for (V1NodeSelectorTerm term : terms) {
          for (int f = 0; f < 1 + (r.nextInt(4) == 0 ? 1 : 0); f++) {
            term.addMatchFieldsItem(requirement("metadata.name", "In", id + "-n" + (1 + r.nextInt(Math.min(8, nodeCount + 1)))));
          }
        }
      }
      affinity.nodeAffinity(new V1NodeAffinity()
          .requiredDuringSchedulingIgnoredDuringExecution(new V1NodeSelector().nodeSelectorTerms(terms)));
      hasAffinity = true;
    }
    if (r.nextInt(4) == 0) {
      V1NodeAffinity nodeAffinity = affinity.getNodeAffinity() == null ? new V1NodeAffinity() : affinity.getNodeAffinity();
      for (int t = 0; t < 1 + r.nextInt(2); t++) {
        nodeAffinity.addPreferredDuringSchedulingIgnoredDuringExecutionItem(
            new V1PreferredSchedulingTerm().weight(1 + r.nextInt(100)).preference(nodeTerm(r)));
      }
      affinity.nodeAffinity(nodeAffinity);
      hasAffinity = true;
    }
    String[] namespaces = {namespace, other};
    if (r.nextInt(8) == 0) {
      affinity.podAffinity(new V1PodAffinity().addRequiredDuringSchedulingIgnoredDuringExecutionItem(
          podTerm(r, id, namespaces[r.nextInt(2)])));
      hasAffinity = true;
    }
    if (r.nextInt(6) == 0) {
      affinity.podAntiAffinity(new V1PodAntiAffinity().addRequiredDuringSchedulingIgnoredDuringExecutionItem(
          podTerm(r, id, namespaces[r.nextInt(2)])));
      hasAffinity = true;
    }
    if (r.nextInt(5) == 0) {
      V1PodAffinity podAffinity = affinity.getPodAffinity() == null ? new V1PodAffinity() : affinity.getPodAffinity();
      podAffinity.addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1WeightedPodAffinityTerm()
          .weight(1 + r.nextInt(100)).podAffinityTerm(podTerm(r, id, namespaces[r.nextInt(2)])));
      affinity.podAffinity(podAffinity);
      hasAffinity = true;
    }
    if (r.nextInt(5) == 0) {
      V1PodAntiAffinity anti = affinity.getPodAntiAffinity() == null ? new V1PodAntiAffinity() : affinity.getPodAntiAffinity();
      anti.addPreferredDuringSchedulingIgnoredDuringExecutionItem(new V1WeightedPodAffinityTerm()
          .weight(1 + r.nextInt(100)).podAffinityTerm(podTerm(r, id, namespaces[r.nextInt(2)])));
      affinity.podAntiAffinity(anti);
      hasAffinity = true;
    }
    if (hasAffinity) {
      spec.affinity(affinity);
    }
    if (r.nextInt(3) == 0) {
      spec.topologySpreadConstraints(spreadConstraints(r, id, labels));
    }
    return new V1Pod().apiVersion("v1").kind("Pod")
        .metadata(new V1ObjectMeta().name(id + "-pod").namespace(namespace).labels(labels)).spec(spec);
  }

  /**
   * The pod as the API server stores it: with the overhead of its RuntimeClass, which the
   * RuntimeClass admission plugin sets on create.
   */
  static V1Pod admitted(V1Pod pod) {
    V1Pod copy = io.kubernetes.client.util.Yaml.loadAs(io.kubernetes.client.util.Yaml.dump(pod), V1Pod.class);
    if (OVERHEAD_RUNTIME_CLASS.equals(copy.getSpec().getRuntimeClassName())) {
      Map<String, Quantity> overhead = new LinkedHashMap<>();
      OVERHEAD.forEach((resource, quantity) -> overhead.put(resource, Quantity.fromString(quantity)));
      copy.getSpec().setOverhead(overhead);
    } else if (copy.getSpec().getOverhead() != null && copy.getSpec().getOverhead().isEmpty()) {
      copy.getSpec().setOverhead(null);     // client-java starts it as {}, which the API server reads as set
    }
    return copy;
  }

  private static Map<String, String> podLabels(Random r, String id) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app", APPS[r.nextInt(APPS.length)]);
    if (r.nextBoolean()) {
      labels.put("rev", pick(r, "1", "2"));
    }
    labels.put(SCENARIO_LABEL, id);
    return labels;
  }

  private static V1Container container(Random r, String name, boolean hostPort) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    String cpu = pick(r, null, null, "100m", "250m", "500m", "1", "2", "3");
    String memory = pick(r, null, null, "128Mi", "512Mi", "1Gi", "3Gi", "6Gi");
    if (cpu != null) {
      requests.put("cpu", Quantity.fromString(cpu));
    }
    if (memory != null) {
      requests.put("memory", Quantity.fromString(memory));
    }
    if (r.nextInt(7) == 0) {
      requests.put(GPU, Quantity.fromString(pick(r, "1", "2")));
    }
    if (r.nextInt(8) == 0) {
      requests.put("ephemeral-storage", Quantity.fromString(pick(r, "1Gi", "20Gi")));
    }
    V1ResourceRequirements resources = new V1ResourceRequirements();
    if (requests.containsKey(GPU)) {
      resources.putLimitsItem(GPU, requests.get(GPU));   // extended resources need limit = request
    }
    V1Container container = new V1Container().name(name).image("registry.k8s.io/pause:3.10")
        .resources(resources.requests(requests.isEmpty() ? null : requests));
    if (hostPort) {
      container.addPortsItem(new V1ContainerPort().containerPort(80).hostPort(8080));
    }
    return container;
  }

  private static List<V1Toleration> tolerations(Random r) {
    List<V1Toleration> tolerations = new ArrayList<>();
    if (r.nextInt(30) == 0) {
      tolerations.add(new V1Toleration().operator("Exists"));
    }
    if (r.nextInt(3) == 0) {
      tolerations.add(new V1Toleration().key(GPU).operator("Exists").effect(r.nextBoolean() ? "NoSchedule" : null));
    }
    if (r.nextInt(4) == 0) {
      tolerations.add(new V1Toleration().key("dedicated").operator("Equal").value(pick(r, "batch", "web")).effect("NoSchedule"));
    }
    if (r.nextInt(4) == 0) {
      tolerations.add(new V1Toleration().key("spot").operator("Exists").effect(pick(r, "PreferNoSchedule", null)));
    }
    if (r.nextInt(6) == 0) {
      tolerations.add(new V1Toleration().key("maintenance").operator("Exists").effect("NoExecute"));
    }
    if (r.nextInt(15) == 0) {
      tolerations.add(new V1Toleration().key("node.kubernetes.io/unschedulable").operator("Exists").effect("NoSchedule"));
    }
    return tolerations.isEmpty() ? null : tolerations;
  }

  private static V1NodeSelectorTerm nodeTerm(Random r) {
    V1NodeSelectorTerm term = new V1NodeSelectorTerm();
    for (int e = 0; e < 1 + r.nextInt(2); e++) {
      term.addMatchExpressionsItem(switch (r.nextInt(7)) {
        case 0 -> requirement("node-pool", "In", POOLS[r.nextInt(3)], POOLS[r.nextInt(3)]);
        case 1 -> requirement("node-pool", "NotIn", POOLS[r.nextInt(3)]);
        case 2 -> requirement("disk", "Exists");
        case 3 -> requirement("disk", "DoesNotExist");
        case 4 -> requirement("gen", "Gt", String.valueOf(r.nextInt(6)));
        case 5 -> requirement("gen", "Lt", String.valueOf(2 + r.nextInt(5)));
        default -> requirement(Topology.ZONE, "In", ZONES[r.nextInt(ZONES.length)]);
      });
    }
    return term;
  }

  private static V1NodeSelectorRequirement requirement(String key, String operator, String... values) {
    return new V1NodeSelectorRequirement().key(key).operator(operator)
        .values(values.length == 0 ? null : List.of(values).stream().distinct().toList());
  }

  /** A pod affinity term about one app of this scenario, over hostname or zone, in some namespace choice. */
  private static V1PodAffinityTerm podTerm(Random r, String id, String namespace) {
    V1PodAffinityTerm term = new V1PodAffinityTerm()
        .topologyKey(r.nextBoolean() ? Topology.HOSTNAME : Topology.ZONE)
        .labelSelector(new V1LabelSelector().matchLabels(Map.of("app", APPS[r.nextInt(APPS.length)], SCENARIO_LABEL, id)));
    switch (r.nextInt(6)) {
      case 0 -> term.namespaces(List.of(namespace));
      case 1 -> term.namespaceSelector(new V1LabelSelector().matchLabels(Map.of("team", pick(r, "x", "y"))));
      case 2 -> term.namespaceSelector(new V1LabelSelector());
      default -> { }
    }
    if (r.nextInt(6) == 0) {
      term.matchLabelKeys(List.of("rev"));
    } else if (r.nextInt(10) == 0) {
      term.mismatchLabelKeys(List.of("rev"));
    }
    return term;
  }

  private static List<V1TopologySpreadConstraint> spreadConstraints(Random r, String id, Map<String, String> labels) {
    List<V1TopologySpreadConstraint> constraints = new ArrayList<>();
    List<String> keys = new ArrayList<>(List.of(Topology.ZONE, Topology.HOSTNAME));
    int count = 1 + r.nextInt(2);
    for (int c = 0; c < count; c++) {
      String key = keys.remove(r.nextInt(keys.size()));
      boolean strict = r.nextBoolean();
      V1TopologySpreadConstraint constraint = new V1TopologySpreadConstraint().topologyKey(key)
          .maxSkew(1 + r.nextInt(2)).whenUnsatisfiable(strict ? "DoNotSchedule" : "ScheduleAnyway")
          .labelSelector(new V1LabelSelector().matchLabels(
              Map.of("app", r.nextInt(4) == 0 ? APPS[r.nextInt(APPS.length)] : labels.get("app"), SCENARIO_LABEL, id)));
      if (strict && r.nextInt(4) == 0) {
        constraint.minDomains(2 + r.nextInt(3));
      }
      if (r.nextInt(4) == 0) {
        constraint.nodeAffinityPolicy("Ignore");
      }
      if (r.nextInt(4) == 0) {
        constraint.nodeTaintsPolicy("Honor");
      }
      if (r.nextInt(4) == 0) {
        constraint.matchLabelKeys(List.of("rev"));
      }
      constraints.add(constraint);
    }
    return constraints;
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
