package dev.mizzen.scheduling.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PodTopologySpread, DoNotSchedule constraints: placing the pod in the node's domain must not
 * make that domain exceed the least populated eligible domain by more than {@code maxSkew} (the
 * minimum counts as 0 while there are fewer eligible domains than {@code minDomains}). Domains
 * are counted over every node that has all the constraints' topology keys and passes the node
 * inclusion policies; pods count if they are in the pod's namespace and match the selector.
 */
final class PodTopologySpreadFilter implements FilterPlugin {
  static final String REASON = "node(s) didn't match pod topology spread constraints";
  static final String MISSING_LABEL = REASON + " (missing required label)";
  private final PodInfo pod;
  private final List<SpreadConstraint> constraints;
  private final List<Map<String, Integer>> matchesPerDomain = new ArrayList<>();

  PodTopologySpreadFilter(PodInfo pod, Snapshot snapshot) {
    this.pod = pod;
    this.constraints = SpreadConstraint.of(pod, "DoNotSchedule");
    constraints.forEach(c -> matchesPerDomain.add(new HashMap<>()));
    for (NodeInfo node : snapshot.nodes) {
      if (!SpreadConstraint.hasAllKeys(node, constraints)) {
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint c = constraints.get(i);
        if (c.includes(pod, node)) {
          matchesPerDomain.get(i).merge(node.labels.get(c.topologyKey()), c.countOn(node, pod.namespace), Integer::sum);
        }
      }
    }
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.POD_TOPOLOGY_SPREAD;
  }

  @Override
  public List<FilterReason> filter(NodeInfo node) {
    for (int i = 0; i < constraints.size(); i++) {
      SpreadConstraint c = constraints.get(i);
      String domain = node.labels.get(c.topologyKey());
      if (domain == null) {
        return List.of(FilterReason.unresolvable(plugin(), MISSING_LABEL));
      }
      Map<String, Integer> domains = matchesPerDomain.get(i);
      int min = domains.size() < c.minDomains() ? 0 : domains.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      int self = c.matchesSelf(pod.labels) ? 1 : 0;
      int skew = domains.getOrDefault(domain, 0) + self - min;
      if (skew > c.maxSkew()) {
        return List.of(FilterReason.resolvable(plugin(), REASON));
      }
    }
    return List.of();
  }
}
