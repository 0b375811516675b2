package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.scheduling.LabelSelector;
import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodAntiAffinity;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1TopologySpreadConstraint;
import io.kubernetes.client.openapi.models.V1WeightedPodAffinityTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pod-spread}: a Deployment or StatefulSet that runs 2 or more replicas (or may, under its
 * HPA) spreads them over failure domains, with a topology spread constraint or a pod
 * anti-affinity term (required or preferred) whose label selector selects its own pods and whose
 * {@code topologyKey} is one of the accepted keys: {@value #HOSTNAME} or {@value #ZONE} by
 * default, others with {@link Recommended#podSpread}. A term over another key (a custom label
 * that may put every node in one domain) does not count.
 */
final class PodSpread extends Rule {
  static final String HOSTNAME = "kubernetes.io/hostname";
  static final String ZONE = "topology.kubernetes.io/zone";
  static final List<String> DEFAULT_KEYS = List.of(HOSTNAME, ZONE);

  private final List<String> topologyKeys;

  PodSpread(List<String> topologyKeys) {
    super("pod-spread", Severity.WARNING,
        "Replicas the scheduler packs onto one node or zone all fail together when it does.",
        "Add a topologySpreadConstraint (or a preferred podAntiAffinity) over " + String.join(" or ", topologyKeys)
            + " whose labelSelector selects the workload's pods.");
    this.topologyKeys = List.copyOf(topologyKeys);
  }

  PodSpread() {
    this(DEFAULT_KEYS);
  }

  @Override
  public void check(RuleContext context) {
    if (!(context.object() instanceof V1Deployment || context.object() instanceof V1StatefulSet)
        || PodRule.isControlled(context.object())) {
      return;
    }
    WorkloadIndex index = context.shared(WorkloadIndex.BUILD);
    Workload workload = index.workload(context.object());
    if (workload == null) {
      return;
    }
    Autoscaler hpa = index.autoscaler(workload);
    int replicas = hpa != null && hpa.maxReplicas != null ? hpa.maxReplicas : workload.replicas();
    if (replicas < 2) {
      return;
    }
    List<SelectingTerm> terms = selectingTerms(workload.pod.spec(), workload.labels());
    if (terms.isEmpty()) {
      context.report(workload.pod.specPath("topologySpreadConstraints"), "should spread its " + replicas
          + " replicas over nodes or zones: no topologySpreadConstraint or podAntiAffinity term selects its pods ("
          + LabelSelectors.describe(workload.labels()) + ")");
    } else if (terms.stream().noneMatch(term -> topologyKeys.contains(term.topologyKey()))) {
      SelectingTerm first = terms.get(0);
      context.report(workload.pod.specPath(first.path()), "should spread its " + replicas + " replicas over "
          + String.join(" or ", topologyKeys) + ", was \"" + first.topologyKey() + "\"");
    }
  }

  /** A spread constraint or anti-affinity term that selects the workload's pods: the path of its key, and the key. */
  private record SelectingTerm(String path, String topologyKey) {}

  /**
   * The terms of {@code spec} whose label selector selects {@code labels}, in order: spread
   * constraints, then required, then preferred anti-affinity terms.
   */
  private static List<SelectingTerm> selectingTerms(V1PodSpec spec, Map<String, String> labels) {
    List<SelectingTerm> terms = new ArrayList<>();
    List<V1TopologySpreadConstraint> constraints = spec.getTopologySpreadConstraints();
    for (int i = 0; constraints != null && i < constraints.size(); i++) {
      V1TopologySpreadConstraint constraint = constraints.get(i);
      add(terms, constraint.getLabelSelector(), constraint.getTopologyKey(), labels,
          "topologySpreadConstraints[" + i + "].topologyKey");
    }
    V1Affinity affinity = spec.getAffinity();
    V1PodAntiAffinity anti = affinity == null ? null : affinity.getPodAntiAffinity();
    if (anti == null) {
      return terms;
    }
    List<V1PodAffinityTerm> required = anti.getRequiredDuringSchedulingIgnoredDuringExecution();
    for (int i = 0; required != null && i < required.size(); i++) {
      V1PodAffinityTerm term = required.get(i);
      add(terms, term.getLabelSelector(), term.getTopologyKey(), labels,
          "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[" + i + "].topologyKey");
    }
    List<V1WeightedPodAffinityTerm> preferred = anti.getPreferredDuringSchedulingIgnoredDuringExecution();
    for (int i = 0; preferred != null && i < preferred.size(); i++) {
      V1PodAffinityTerm term = preferred.get(i).getPodAffinityTerm();
      if (term != null) {
        add(terms, term.getLabelSelector(), term.getTopologyKey(), labels,
            "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[" + i + "].podAffinityTerm.topologyKey");
      }
    }
    return terms;
  }

  private static void add(List<SelectingTerm> terms, V1LabelSelector selector, String topologyKey,
      Map<String, String> labels, String path) {
    if (LabelSelector.matches(selector, labels)) {
      terms.add(new SelectingTerm(path, topologyKey == null ? "" : topologyKey));
    }
  }
}
