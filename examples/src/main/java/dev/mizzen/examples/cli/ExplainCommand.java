package dev.mizzen.examples.cli;

import dev.mizzen.scheduling.Topology;
import dev.mizzen.scheduling.explain.ClusterState;
import dev.mizzen.scheduling.explain.Explanation;
import dev.mizzen.scheduling.explain.FilterReason;
import dev.mizzen.scheduling.explain.NodeVerdict;
import dev.mizzen.scheduling.explain.PendingPod;
import dev.mizzen.scheduling.explain.PlacedPod;
import dev.mizzen.scheduling.explain.PlacementExplainer;
import dev.mizzen.scheduling.explain.ReplicaPlacement;
import dev.mizzen.scheduling.explain.SchedulerPlugin;
import dev.mizzen.testkit.schema.ManifestFile;
import dev.mizzen.testkit.schema.ManifestObject;
import dev.mizzen.testkit.schema.SchemaFinding;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1CronJob;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1JobSpec;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code explain --fleet FLEET.yaml MANIFEST.yaml...}: for every workload of the manifests
 * (Deployment, StatefulSet, DaemonSet, Job, CronJob, bare Pod), where its pods can go on the
 * fleet's nodes, where they cannot and why, in kube-scheduler 1.33's words, and where its replicas
 * land, per node and per zone. The {@link PlacementExplainer} answers; nothing talks to a cluster.
 *
 * <p>The workloads are placed in manifest order on the empty fleet, each seeing the pods of those
 * before it; Namespaces of the manifests label their namespaces (for {@code namespaceSelector}s),
 * their Services' selectors count for kube-scheduler's default spreading, and an autoscaler of a
 * Deployment or StatefulSet sets how many replicas it has (its minimum, and its maximum shown
 * too). Exit 0 when every pod finds a node, 1 when some would stay Pending, 2 for bad usage or
 * input (a message naming the file, line and document).
 */
final class ExplainCommand implements Command {
  /** The tolerations the DaemonSet controller adds to every pod it creates (and one more with hostNetwork). */
  static final List<V1Toleration> DAEMON_POD_TOLERATIONS = List.of(
      toleration("node.kubernetes.io/not-ready", "NoExecute"),
      toleration("node.kubernetes.io/unreachable", "NoExecute"),
      toleration("node.kubernetes.io/disk-pressure", "NoSchedule"),
      toleration("node.kubernetes.io/memory-pressure", "NoSchedule"),
      toleration("node.kubernetes.io/pid-pressure", "NoSchedule"),
      toleration("node.kubernetes.io/unschedulable", "NoSchedule"));
  private static final V1Toleration NETWORK_UNAVAILABLE = toleration("node.kubernetes.io/network-unavailable", "NoSchedule");
  /** The filters the DaemonSet controller applies itself: a node they reject gets no pod at all. */
  private static final Set<SchedulerPlugin> DAEMON_NODE_CHECKS =
      Set.of(SchedulerPlugin.NODE_NAME, SchedulerPlugin.TAINT_TOLERATION, SchedulerPlugin.NODE_AFFINITY);
  private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String summary() {
    return "explain --fleet FLEET.yaml MANIFEST.yaml...   where each workload's pods can go on the fleet's nodes, where not\n"
        + "      and why (kube-scheduler's reasons), and where its replicas land; '-' reads stdin;\n"
        + "      exit 0 all placed, 1 some Pending, 2 bad usage or input";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, BadInputException {
    List<String> fleets = new ArrayList<>();
    List<String> manifests = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--fleet", "-f" -> fleets.add(Command.argument(args, ++i, arg));
        default -> {
          if (arg.startsWith("-") && !arg.equals("-")) {
            throw new UsageException("unknown option for explain: " + arg);
          }
          manifests.add(arg);
        }
      }
    }
    if (fleets.isEmpty()) {
      throw new UsageException("explain needs --fleet FLEET.yaml: the nodes, as kubectl get nodes -o yaml prints them");
    }
    if (manifests.isEmpty()) {
      throw new UsageException("explain needs at least one MANIFEST.yaml");
    }
    if (fleets.stream().filter("-"::equals).count() + manifests.stream().filter("-"::equals).count() > 1) {
      throw new UsageException("only one input can be '-' (stdin)");
    }

    List<V1Node> nodes = new ArrayList<>();
    Map<String, String> firstSeen = new HashMap<>();
    for (String fleet : fleets) {
      readFleet(fleet, nodes, firstSeen, err);
    }
    Input input = new Input();
    for (String manifest : manifests) {
      input.read(manifest);
    }

    ClusterState state = ClusterState.ofNodes(nodes);
    for (Map.Entry<String, Map<String, String>> namespace : input.namespaces.entrySet()) {
      state = state.withNamespace(namespace.getKey(), namespace.getValue());
    }
    for (Selector service : input.serviceSelectors) {
      state = state.withWorkloadSelector(service.namespace(), service.labels());
    }
    boolean zones = nodes.stream().anyMatch(n -> labels(n.getMetadata()).containsKey(Topology.ZONE));
    int pending = 0;
    for (Workload workload : input.workloads) {
      if (workload != input.workloads.get(0)) {
        out.println();
      }
      Outcome outcome = workload.kind().equals("DaemonSet")
          ? explainDaemonSet(workload, state, nodes.size(), zones, out)
          : explainReplicas(workload, input, state, zones, out);
      state = outcome.state();
      pending += outcome.pending() > 0 ? 1 : 0;
    }
    out.flush();
    err.printf("%s of %s explained on %s: %s%n", count(input.workloads.size(), "workload"),
        count(input.objects, "object"), count(nodes.size(), "node"),
        pending == 0 ? "every pod finds a node" : pending + " with pods that stay Pending");
    return pending == 0 ? 0 : 1;
  }

  /** The state after a workload, and how many of its pods stay Pending. */
  private record Outcome(ClusterState state, int pending) {}

  private static Outcome explainReplicas(Workload workload, Input input, ClusterState state, boolean zones, PrintStream out) {
    PendingPod pod = workload.pod();
    int count = workload.replicas();
    Optional<Autoscaler> autoscaler = Optional.empty();
    if (workload.kind().equals("Deployment") || workload.kind().equals("StatefulSet")) {
      autoscaler = Optional.ofNullable(input.autoscalers.get(workload.ref()));
      if (autoscaler.isPresent()) {
        Autoscaler hpa = autoscaler.get();
        count = Math.min(Math.max(workload.declaredReplicas().orElse(hpa.min()), hpa.min()), hpa.max());
      }
    }
    out.println(workload.ref() + " (" + describeCount(workload, count, autoscaler) + ")");
    printFeasibility(PlacementExplainer.explain(pod, state), out);
    ReplicaPlacement placement = PlacementExplainer.placeReplicas(pod, count, state);
    out.println("  " + count + (workload.kind().equals("Deployment") || workload.kind().equals("StatefulSet")
        ? (count == 1 ? " replica: " : " replicas: ") : (count == 1 ? " pod: " : " pods: "))
        + distribution(placement, zones));
    if (autoscaler.isPresent() && autoscaler.get().max() > count) {
      int max = autoscaler.get().max();
      out.println("  " + max + " replicas (the autoscaler's maximum): "
          + distribution(PlacementExplainer.placeReplicas(pod, max, state), zones));
    }
    return new Outcome(placement.finalState(), placement.pending());
  }

  private static String describeCount(Workload workload, int count, Optional<Autoscaler> autoscaler) {
    if (autoscaler.isPresent()) {
      Autoscaler hpa = autoscaler.get();
      return count + (count == 1 ? " replica" : " replicas") + ": HorizontalPodAutoscaler/" + workload.namespace() + "/"
          + hpa.name() + " scales it from " + hpa.min() + " to " + hpa.max();
    }
    return switch (workload.kind()) {
      case "Deployment", "StatefulSet" -> count + (count == 1 ? " replica" : " replicas")
          + (workload.declaredReplicas().isPresent() ? "" : ", replicas not set");
      case "Job" -> count + (count == 1 ? " pod" : " pods") + " at a time";
      case "CronJob" -> count + (count == 1 ? " pod" : " pods") + " per run";
      default -> "a bare pod";
    };
  }

  private static Outcome explainDaemonSet(Workload workload, ClusterState state, int nodeCount, boolean zones,
      PrintStream out) {
    PendingPod pod = workload.pod();
    out.println(workload.ref() + " (one pod per node it fits)");
    Explanation explanation = PlacementExplainer.explain(pod, state);
    printFeasibility(explanation, out);
    List<PlacedPod> placed = new ArrayList<>();
    List<String> pendingOn = new ArrayList<>();
    for (NodeVerdict verdict : explanation.verdicts()) {
      if (verdict.feasible()) {
        placed.add(pod.named(pod.name() + "-" + verdict.node()).placedOn(verdict.node()));
      } else if (verdict.reasons().stream().map(FilterReason::plugin).noneMatch(DAEMON_NODE_CHECKS::contains)) {
        pendingOn.add(verdict.node());       // the controller creates its pod; the scheduler cannot bind it
      }
    }
    StringBuilder line = new StringBuilder("  ").append(placed.size()).append(placed.size() == 1 ? " pod" : " pods");
    if (!placed.isEmpty()) {
      line.append(", one on each of ").append(String.join(", ", placed.stream().map(PlacedPod::node).toList()));
      if (zones) {
        Map<String, Integer> perZone = new TreeMap<>();
        placed.forEach(p -> perZone.merge(state.nodeLabels(p.node()).getOrDefault(Topology.ZONE, "(no zone)"), 1, Integer::sum));
        line.append("; per zone: ").append(join(perZone));
      }
    }
    if (!pendingOn.isEmpty()) {
      line.append("; ").append(pendingOn.size()).append(" Pending, for ").append(String.join(", ", pendingOn));
    }
    if (placed.size() + pendingOn.size() < nodeCount) {
      line.append("; none for the ").append(nodeCount - placed.size() - pendingOn.size())
          .append(" other nodes (taints, node selector or affinity)");
    }
    out.println(line);
    ClusterState next = workload.labels().isEmpty() ? state : state.withWorkloadSelector(workload.namespace(), workload.labels());
    return new Outcome(next.withPods(placed), pendingOn.size());
  }

  /** The "can go" and "cannot go" lines of one pod's explanation. */
  private static void printFeasibility(Explanation explanation, PrintStream out) {
    int all = explanation.verdicts().size();
    List<String> feasible = explanation.feasibleNodes();
    if (feasible.isEmpty()) {
      out.println("  can go nowhere: " + explanation.failedSchedulingMessage().orElse(""));
    } else {
      out.println("  can go to " + feasible.size() + " of " + all + " nodes: " + String.join(", ", feasible));
    }
    List<NodeVerdict> rejected = explanation.rejectedNodes();
    if (rejected.isEmpty()) {
      return;
    }
    StringBuilder header = new StringBuilder("  cannot go to ").append(rejected.size())
        .append(rejected.size() == 1 ? " node" : " nodes");
    header.append(':');
    if (!feasible.isEmpty()) {              // (else the FailedScheduling message above has the counts)
      StringJoiner counts = new StringJoiner(", ", " ", "");
      explanation.reasonCounts().forEach((reason, count) -> counts.add(count + " " + reason));
      header.append(counts);
    }
    out.println(header);
    for (NodeVerdict verdict : rejected) {
      List<FilterReason> shown = verdict.reasons().isEmpty() ? verdict.schedulerReasons() : verdict.reasons();
      out.println("    " + verdict.node() + ": " + String.join("; ", shown.stream().map(FilterReason::message).toList()));
    }
  }

  /** {@code node 1, node 1; per zone: zone-a 1, ...}, then the Pending pods and why. */
  private static String distribution(ReplicaPlacement placement, boolean zones) {
    StringBuilder text = new StringBuilder();
    if (!placement.placed().isEmpty()) {
      text.append(join(placement.perNode()));
      if (zones) {
        Map<String, Integer> perZone = new LinkedHashMap<>();
        placement.perZone().forEach((zone, count) -> perZone.put(zone.isEmpty() ? "(no zone)" : zone, count));
        text.append("; per zone: ").append(join(perZone));
      }
    }
    if (placement.pending() > 0) {
      text.append(text.length() == 0 ? "" : "; ").append(placement.pending()).append(" Pending: ")
          .append(placement.explanations().stream().filter(e -> !e.schedulable()).findFirst()
              .flatMap(Explanation::failedSchedulingMessage).orElse(""));
    }
    return text.length() == 0 ? "none" : text.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String join(Map<String, Integer> counts) {
    StringJoiner text = new StringJoiner(", ");
    counts.forEach((key, count) -> text.add(key + " " + count));
    return text.toString();
  }

  // ---- input -------------------------------------------------------------------------------------

  /** Reads {@code name} ({@code -}: stdin) and fails on anything that is not readable YAML or JSON. */
  private static ManifestFile read(String name) throws BadInputException {
    String text;
    try {
      text = name.equals("-")
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(name), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cannot read " + name + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("cannot read " + name + ": " + e.getMessage());
    }
    ManifestFile file = ManifestFile.parse(text, name.equals("-") ? "<stdin>" : name);
    for (SchemaFinding problem : file.problems()) {
      if (problem.isError()) {
        throw new BadInputException(at(problem) + ": " + (problem.object().isEmpty() ? "" : problem.object() + ": ")
            + (problem.path().isEmpty() ? "" : problem.path() + ": ") + problem.message());
      }
    }
    return file;
  }

  private static void readFleet(String name, List<V1Node> nodes, Map<String, String> firstSeen, PrintStream err)
      throws BadInputException {
    ManifestFile file = read(name);
    int before = nodes.size();
    for (ManifestObject object : file.objects()) {
      if (!object.kind().equals("Node")) {
        throw new BadInputException(at(object) + ": " + describe(object) + " is not a Node: a fleet file holds only"
            + " Nodes, as a List (kubectl get nodes -o yaml) or as YAML documents");
      }
      V1Node node = object.object(V1Node.class).orElseThrow(() -> new BadInputException(
          at(object) + ": a Node of apiVersion '" + object.apiVersion() + "': Nodes are apiVersion v1"));
      String nodeName = node.getMetadata() == null ? null : node.getMetadata().getName();
      if (nodeName == null || nodeName.isEmpty()) {
        throw new BadInputException(at(object) + ": the Node has no metadata.name");
      }
      String first = firstSeen.putIfAbsent(nodeName, at(object));
      if (first != null) {
        throw new BadInputException(at(object) + ": a second Node named " + nodeName + " (the first is at " + first + ")");
      }
      if (node.getStatus() == null || node.getStatus().getAllocatable() == null
          || node.getStatus().getAllocatable().isEmpty()) {
        err.println("mizzen explain: warning: " + at(object) + ": Node/" + nodeName
            + " has no status.allocatable, so it takes no pods (kubectl get nodes -o yaml has it)");
      }
      nodes.add(node);
    }
    if (nodes.size() == before) {
      throw new BadInputException(file.source() + ": no Nodes in the fleet file");
    }
  }

  /**
   * A workload of the manifests, with the pod template to explain.
   *
   * @param replicas the pods it runs normally: its replicas (1 when not set), its parallelism, 1
   * @param declaredReplicas its {@code replicas}, when it sets them
   */
  private record Workload(String kind, String namespace, String name, V1PodTemplateSpec template, int replicas,
      OptionalInt declaredReplicas) {

    String ref() {
      return kind + "/" + namespace + "/" + name;
    }

    Map<String, String> labels() {
      return ExplainCommand.labels(template.getMetadata());
    }

    PendingPod pod() {
      return PendingPod.fromTemplate(namespace, name, template);
    }
  }

  private record Selector(String namespace, Map<String, String> labels) {}

  private record Autoscaler(String name, int min, int max) {}

  /** What the manifests hold: workloads in order, namespaces, Services' selectors, autoscalers by target. */
  private static final class Input {
    final List<Workload> workloads = new ArrayList<>();
    final Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
    final List<Selector> serviceSelectors = new ArrayList<>();
    /** By target, {@code Kind/namespace/name}. */
    final Map<String, Autoscaler> autoscalers = new HashMap<>();
    int objects;

    void read(String name) throws BadInputException {
      for (ManifestObject object : ExplainCommand.read(name).objects()) {
        objects++;
        Optional<KubernetesObject> typed = object.object();
        if (typed.isEmpty()) {
          if (WORKLOAD_KINDS.contains(object.kind())) {
            throw new BadInputException(at(object) + ": " + describe(object) + ": apiVersion '" + object.apiVersion()
                + "' of " + object.kind() + " is not served by Kubernetes 1.33");
          }
          continue;                          // kinds client-java has no model of, such as custom resources
        }
        add(object, typed.get());
      }
    }

    private void add(ManifestObject source, KubernetesObject object) throws BadInputException {
      V1ObjectMeta metadata = object.getMetadata();
      String namespace = metadata == null || metadata.getNamespace() == null || metadata.getNamespace().isEmpty()
          ? "default" : metadata.getNamespace();
      String name = metadata == null || metadata.getName() == null ? "" : metadata.getName();
      if (object instanceof V1Namespace) {
        namespaces.put(name, labels(metadata));
      } else if (object instanceof V1Service service) {
        if (service.getSpec() != null && service.getSpec().getSelector() != null && !service.getSpec().getSelector().isEmpty()) {
          serviceSelectors.add(new Selector(namespace, service.getSpec().getSelector()));
        }
      } else if (object instanceof V2HorizontalPodAutoscaler hpa && hpa.getSpec() != null
          && hpa.getSpec().getScaleTargetRef() != null) {
        addAutoscaler(namespace, name, hpa.getSpec().getScaleTargetRef().getKind(),
            hpa.getSpec().getScaleTargetRef().getName(), hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
      } else if (object instanceof V1HorizontalPodAutoscaler hpa && hpa.getSpec() != null
          && hpa.getSpec().getScaleTargetRef() != null) {
        addAutoscaler(namespace, name, hpa.getSpec().getScaleTargetRef().getKind(),
            hpa.getSpec().getScaleTargetRef().getName(), hpa.getSpec().getMinReplicas(), hpa.getSpec().getMaxReplicas());
      } else if (object instanceof V1Deployment deployment) {
        Integer replicas = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        workload(source, "Deployment", namespace, name,
            deployment.getSpec() == null ? null : deployment.getSpec().getTemplate(), "spec.template", replicas);
      } else if (object instanceof V1StatefulSet statefulSet) {
        Integer replicas = statefulSet.getSpec() == null ? null : statefulSet.getSpec().getReplicas();
        workload(source, "StatefulSet", namespace, name,
            statefulSet.getSpec() == null ? null : statefulSet.getSpec().getTemplate(), "spec.template", replicas);
      } else if (object instanceof V1DaemonSet daemonSet) {
        workload(source, "DaemonSet", namespace, name,
            daemonSet.getSpec() == null ? null : daemonSet.getSpec().getTemplate(), "spec.template", null);
      } else if (object instanceof V1Job job) {
        workload(source, "Job", namespace, name, job.getSpec() == null ? null : job.getSpec().getTemplate(),
            "spec.template", podsAtATime(job.getSpec()));
      } else if (object instanceof V1CronJob cronJob) {
        V1JobSpec jobSpec = cronJob.getSpec() == null || cronJob.getSpec().getJobTemplate() == null
            ? null : cronJob.getSpec().getJobTemplate().getSpec();
        workload(source, "CronJob", namespace, name, jobSpec == null ? null : jobSpec.getTemplate(),
            "spec.jobTemplate.spec.template", podsAtATime(jobSpec));
      } else if (object instanceof V1Pod pod) {
        workload(source, "Pod", namespace, name, new V1PodTemplateSpec().metadata(pod.getMetadata()).spec(pod.getSpec()),
            "", 1);
      }
    }

    /** The autoscaler {@code name} of {@code targetKind/namespace/targetName}: min 1 when not set, max at least min. */
    private void addAutoscaler(String namespace, String name, String targetKind, String targetName, Integer min,
        Integer max) {
      int least = min == null ? 1 : min;
      autoscalers.put(targetKind + "/" + namespace + "/" + targetName,
          new Autoscaler(name, least, max == null ? least : Math.max(least, max)));
    }

    private void workload(ManifestObject source, String kind, String namespace, String name,
        V1PodTemplateSpec template, String templatePath, Integer replicas) throws BadInputException {
      if (name.isEmpty()) {
        throw new BadInputException(at(source) + ": the " + kind + " has no metadata.name");
      }
      String specPath = templatePath.isEmpty() ? "spec" : templatePath + ".spec";
      if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null
          || template.getSpec().getContainers().isEmpty()) {
        throw new BadInputException(at(source) + ": " + kind + "/" + namespace + "/" + name + " has no pod to explain: "
            + specPath + ".containers is missing or empty");
      }
      if (kind.equals("DaemonSet")) {
        addDaemonPodTolerations(template.getSpec());
      }
      workloads.add(new Workload(kind, namespace, name, template, replicas == null ? 1 : replicas,
          replicas == null ? OptionalInt.empty() : OptionalInt.of(replicas)));
    }
  }

  /** Adds to {@code spec} the tolerations the DaemonSet controller gives the pods it creates. */
  private static void addDaemonPodTolerations(V1PodSpec spec) {
    List<V1Toleration> tolerations = new ArrayList<>(spec.getTolerations() == null ? List.of() : spec.getTolerations());
    tolerations.addAll(DAEMON_POD_TOLERATIONS);
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      tolerations.add(NETWORK_UNAVAILABLE);
    }
    spec.setTolerations(tolerations);
  }

  /** A Job's pods at a time: its parallelism (1 when not set), no more than its completions. */
  private static Integer podsAtATime(V1JobSpec spec) {
    if (spec == null) {
      return 1;
    }
    int parallelism = spec.getParallelism() == null ? 1 : spec.getParallelism();
    return spec.getCompletions() == null ? parallelism : Math.min(parallelism, spec.getCompletions());
  }


  private static Map<String, String> labels(V1ObjectMeta metadata) {
    return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
  }

  private static V1Toleration toleration(String key, String effect) {
    return new V1Toleration().key(key).operator("Exists").effect(effect);
  }

  /** {@code file:line:column: document 2} (documents and items counted from 1), {@code , item 3} in a List. */
  private static String at(ManifestObject object) {
    return object.location() + ": document " + (object.document() + 1)
        + (object.item().isPresent() ? ", item " + (object.item().getAsInt() + 1) : "");
  }

  private static String at(SchemaFinding finding) {
    return finding.location() + ": document " + (finding.document() + 1)
        + (finding.item().isPresent() ? ", item " + (finding.item().getAsInt() + 1) : "");
  }

  private static String describe(ManifestObject object) {
    return object.ref().isEmpty() ? "an object without kind or name" : object.ref();
  }
}
