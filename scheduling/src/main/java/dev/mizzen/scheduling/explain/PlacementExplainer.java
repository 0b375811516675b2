package dev.mizzen.scheduling.explain;

import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Explains placement offline, as kube-scheduler 1.33 with its default profile decides it: the
 * filters NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
 * NodeResourcesFit, PodTopologySpread and InterPodAffinity (in that order), then the scores of
 * TaintToleration, NodeAffinity, NodeResourcesFit (LeastAllocated), PodTopologySpread,
 * InterPodAffinity and NodeResourcesBalancedAllocation with their default weights.
 *
 * <pre>{@code
 * Explanation why = PlacementExplainer.explain(pod, ClusterState.of(fleet));
 * ReplicaPlacement web = PlacementExplainer.placeReplicas(pod, 6, ClusterState.of(fleet));
 * web.perZone();                    // {zone-a=2, zone-b=2, zone-c=2}
 * }</pre>
 *
 * <p>Not modelled: volumes (the volume plugins), images (ImageLocality), dynamic resources,
 * scheduling gates, pod priorities (preemption is explained as if all pods had the same priority),
 * and pod-level resources (alpha in 1.33). With 100 nodes or more, kube-scheduler looks at only a
 * share of the nodes ({@code percentageOfNodesToScore}); the explainer looks at all.
 */
public final class PlacementExplainer {
  static final String PREFILTER_CONFLICT = "pod affinity terms conflict";
  static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";
  static final String NO_VICTIMS = "No preemption victims found for incoming pod";
  /** What kube-scheduler says, without running any plugin, when the cluster has no nodes. */
  static final String NO_NODES = "no nodes available to schedule pods";

  private PlacementExplainer() {}

  /** Where {@code pod} can go in {@code state}, where it would go, and why not elsewhere. */
  public static Explanation explain(PendingPod pod, ClusterState state) {
    Snapshot snapshot = new Snapshot(state);
    if (snapshot.nodes.isEmpty()) {
      return new Explanation(pod, state, List.of(), List.of(), NO_NODES);
    }
    PodInfo info = PodInfo.of(pod);
    List<FilterPlugin> filters = List.of(
        new NodeUnschedulableFilter(info),
        new NodeNameFilter(info),
        new TaintTolerationFilter(info),
        new NodeAffinityFilter(info),
        new NodePortsFilter(info),
        new NodeResourcesFitFilter(info),
        new PodTopologySpreadFilter(info, snapshot),
        new InterPodAffinityFilter(info, snapshot));
    Set<String> preFiltered = nodeNamesOfRequiredAffinity(info);
    boolean conflict = preFiltered != null && preFiltered.isEmpty();

    List<NodeVerdict> verdicts = new ArrayList<>();
    List<NodeInfo> feasible = new ArrayList<>();
    for (NodeInfo node : snapshot.nodes) {
      List<FilterReason> all = new ArrayList<>();
      List<FilterReason> first = List.of();
      for (FilterPlugin filter : filters) {
        List<FilterReason> reasons = filter.filter(node);
        all.addAll(reasons);
        if (first.isEmpty()) {
          first = reasons;
        }
      }
      if (conflict) {
        first = List.of(FilterReason.unresolvable(SchedulerPlugin.NODE_AFFINITY, PREFILTER_CONFLICT));
      } else if (preFiltered != null && !preFiltered.contains(node.name)) {
        first = List.of(FilterReason.unresolvable(SchedulerPlugin.NODE_AFFINITY, "node(s) didn't satisfy plugin(s) [NodeAffinity]"));
      }
      verdicts.add(new NodeVerdict(node.name, all, first));
      if (first.isEmpty()) {
        feasible.add(node);
      }
    }
    if (feasible.isEmpty()) {
      return new Explanation(pod, state, verdicts, List.of(), failedSchedulingMessage(info, verdicts, conflict));
    }
    return new Explanation(pod, state, verdicts, scores(info, snapshot, feasible), null);
  }

  /**
   * Places {@code replicas} copies of {@code template} one after another, as the scheduler binds
   * a workload's pods: each on the first of its top nodes (the scheduler picks among them at
   * random, so this is one outcome it may reach), each seen by the next. Replica {@code i} is
   * named {@code <template name>-<i>}. The replicas' controller selects them by the template's
   * labels, so kube-scheduler's system default spread applies to a template without constraints
   * of its own. {@link ReplicaPlacement#finalState()} keeps that selector.
   *
   * @throws IllegalArgumentException if {@code replicas} is negative
   */
  public static ReplicaPlacement placeReplicas(PendingPod template, int replicas, ClusterState state) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must be >= 0, was " + replicas);
    }
    List<Explanation> explanations = new ArrayList<>();
    List<PlacedPod> placed = new ArrayList<>();
    // The workload's controller (a ReplicaSet, a StatefulSet) selects its pods.
    ClusterState current = template.labels().isEmpty() ? state : state.withWorkloadSelector(template.namespace(), template.labels());
    for (int i = 1; i <= replicas; i++) {
      PendingPod replica = template.named(template.name() + "-" + i);
      Explanation explanation = explain(replica, current);
      explanations.add(explanation);
      if (explanation.schedulable()) {
        PlacedPod pod = replica.placedOn(explanation.topNodes().get(0));
        placed.add(pod);
        current = current.withPods(pod);
      }
    }
    return new ReplicaPlacement(explanations, placed, current);
  }

  /**
   * The node names a required node affinity restricts the pod to through {@code metadata.name}
   * fields in every term (the NodeAffinity pre-filter), or {@code null} when it does not.
   */
  private static Set<String> nodeNamesOfRequiredAffinity(PodInfo pod) {
    V1NodeSelector required = NodeMatching.requiredNodeSelector(pod.spec);
    if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
      return null;
    }
    Set<String> names = new HashSet<>();
    for (V1NodeSelectorTerm term : required.getNodeSelectorTerms()) {
      Set<String> termNames = null;
      for (V1NodeSelectorRequirement field : term.getMatchFields() == null ? List.<V1NodeSelectorRequirement>of() : term.getMatchFields()) {
        if ("metadata.name".equals(field.getKey()) && "In".equals(field.getOperator())) {
          Set<String> values = new HashSet<>(field.getValues() == null ? List.of() : field.getValues());
          if (termNames == null) {
            termNames = values;
          } else {
            termNames.retainAll(values);
          }
        }
      }
      if (termNames == null) {
        return null;
      }
      names.addAll(termNames);
    }
    return names;
  }

  private static String failedSchedulingMessage(PodInfo pod, List<NodeVerdict> verdicts, boolean conflict) {
    int all = verdicts.size();
    StringBuilder message = new StringBuilder(String.format("0/%d nodes are available:", all));
    if (conflict) {
      message.append(' ').append(PREFILTER_CONFLICT).append('.');
    } else {
      Map<String, Integer> counts = new TreeMap<>();
      verdicts.forEach(v -> v.schedulerReasons().forEach(r -> counts.merge(r.message(), 1, Integer::sum)));
      message.append(' ').append(histogram(counts)).append('.');
    }
    message.append(" preemption: ");
    if ("Never".equals(pod.spec.getPreemptionPolicy())) {
      return message.append("not eligible due to preemptionPolicy=Never.").toString();
    }
    // Nodes rejected only for reasons preemption could resolve are tried; with no lower-priority
    // pods there are no victims. The others are not helped by preemption.
    int tried = conflict ? 0 : (int) verdicts.stream()
        .filter(v -> v.schedulerReasons().stream().noneMatch(FilterReason::unresolvable)).count();
    Map<String, Integer> preemption = new TreeMap<>();
    if (tried > 0) {
      preemption.put(NO_VICTIMS, tried);
    }
    if (all - tried > 0) {
      preemption.put(NOT_HELPFUL, all - tried);
    }
    return message.append(String.format("0/%d nodes are available: ", all)).append(histogram(preemption)).append('.').toString();
  }

  /** {@code count reason} entries sorted as strings (so {@code 10 ...} sorts before {@code 3 ...}), joined by ", ". */
  private static String histogram(Map<String, Integer> counts) {
    List<String> entries = new ArrayList<>();
    counts.forEach((reason, count) -> entries.add(count + " " + reason));
    entries.sort(null);
    return String.join(", ", entries);
  }

  private static List<NodeScore> scores(PodInfo pod, Snapshot snapshot, List<NodeInfo> feasible) {
    List<ScorePlugin> plugins = List.of(
        new TaintTolerationScore(pod),
        new NodeAffinityScore(pod),
        new LeastAllocatedScore(pod),
        new PodTopologySpreadScore(pod, snapshot),
        new InterPodAffinityScore(pod, snapshot),
        new BalancedAllocationScore(pod));
    List<Map<SchedulerPlugin, Long>> parts = new ArrayList<>();
    feasible.forEach(n -> parts.add(new EnumMap<>(SchedulerPlugin.class)));
    for (ScorePlugin plugin : plugins) {
      long[] scores = plugin.scores(feasible);
      for (int i = 0; i < scores.length; i++) {
        parts.get(i).put(plugin.plugin(), scores[i] * plugin.plugin().weight());
      }
    }
    List<NodeScore> result = new ArrayList<>();
    for (int i = 0; i < feasible.size(); i++) {
      long total = parts.get(i).values().stream().mapToLong(Long::longValue).sum();
      result.add(new NodeScore(feasible.get(i).name, total, parts.get(i)));
    }
    return result;
  }
}
