package dev.mizzen.scheduling.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PodTopologySpread scoring, ScheduleAnyway constraints: nodes whose domains hold fewer matching
 * pods score higher. Each constraint adds {@code count * ln(domains + 2) + maxSkew - 1}; the
 * rounded sums are reversed and scaled to 0..100. Feasible nodes missing a topology key score 0.
 * A pod without constraints of its own gets kube-scheduler's system defaults when a workload
 * selector of the cluster state selects it.
 */
final class PodTopologySpreadScore implements ScorePlugin {
  private final PodInfo pod;
  private final Snapshot snapshot;
  private final List<SpreadConstraint> constraints;
  private final boolean systemDefaults;

  PodTopologySpreadScore(PodInfo pod, Snapshot snapshot) {
    this.pod = pod;
    this.snapshot = snapshot;
    boolean own = pod.spec.getTopologySpreadConstraints() != null && !pod.spec.getTopologySpreadConstraints().isEmpty();
    this.systemDefaults = !own;
    this.constraints = own ? SpreadConstraint.of(pod, "ScheduleAnyway") : SpreadConstraint.systemDefaults(pod, snapshot.state);
  }

  @Override
  public SchedulerPlugin plugin() {
    return SchedulerPlugin.POD_TOPOLOGY_SPREAD;
  }

  @Override
  public long[] scores(List<NodeInfo> feasible) {
    long[] scores = new long[feasible.size()];
    if (constraints.isEmpty()) {
      return scores;
    }
    // With constraints of its own, the pod ignores nodes without all their keys; with the system
    // defaults, such nodes only miss the score of the constraint whose key they lack.
    boolean requireAllKeys = !systemDefaults;
    Set<String> ignored = new HashSet<>();
    List<Map<String, Long>> counts = new ArrayList<>();
    constraints.forEach(c -> counts.add(new HashMap<>()));
    for (NodeInfo node : feasible) {
      if (requireAllKeys && !SpreadConstraint.hasAllKeys(node, constraints)) {
        ignored.add(node.name);
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        String key = constraints.get(i).topologyKey();
        if (!isHostname(key)) {
          counts.get(i).putIfAbsent(node.labels.get(key), 0L);
        }
      }
    }
    double[] weights = new double[constraints.size()];
    for (int i = 0; i < constraints.size(); i++) {
      int size = isHostname(constraints.get(i).topologyKey()) ? feasible.size() - ignored.size() : counts.get(i).size();
      weights[i] = Math.log(size + 2);
    }
    for (NodeInfo node : snapshot.nodes) {
      if (requireAllKeys && !SpreadConstraint.hasAllKeys(node, constraints)) {
        continue;
      }
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint c = constraints.get(i);
        if (!c.includes(pod, node)) {
          continue;
        }
        Map<String, Long> domainCounts = counts.get(i);
        String value = node.labels.get(c.topologyKey());
        if (domainCounts.containsKey(value)) {
          domainCounts.merge(value, (long) c.countOn(node, pod.namespace), Long::sum);
        }
      }
    }
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int n = 0; n < scores.length; n++) {
      NodeInfo node = feasible.get(n);
      if (ignored.contains(node.name)) {
        continue;
      }
      double score = 0;
      for (int i = 0; i < constraints.size(); i++) {
        SpreadConstraint c = constraints.get(i);
        String value = node.labels.get(c.topologyKey());
        if (value == null) {
          continue;
        }
        long count = isHostname(c.topologyKey()) ? c.countOn(node, pod.namespace) : counts.get(i).get(value);
        score += count * weights[i] + (c.maxSkew() - 1);
      }
      scores[n] = Math.round(score);
      min = Math.min(min, scores[n]);
      max = Math.max(max, scores[n]);
    }
    for (int n = 0; n < scores.length; n++) {
      if (ignored.contains(feasible.get(n).name)) {
        scores[n] = 0;
      } else if (max == 0) {
        scores[n] = 100;
      } else {
        scores[n] = 100 * (max + min - scores[n]) / max;
      }
    }
    return scores;
  }

  private static boolean isHostname(String key) {
    return dev.mizzen.scheduling.Topology.HOSTNAME.equals(key);
  }
}
