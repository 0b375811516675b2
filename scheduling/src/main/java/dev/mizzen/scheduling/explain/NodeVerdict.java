package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * Whether one node can take the pod and, if not, why.
 *
 * @param node the node's name
 * @param reasons every reason the node is filtered out, from every plugin, in the scheduler's
 *     plugin order; empty when the node is feasible
 * @param schedulerReasons the reasons kube-scheduler itself reports for the node: those of the
 *     first plugin that filters it out (it stops there), or the pre-filter's reason for nodes it
 *     never looked at; empty when the node is feasible
 */
public record NodeVerdict(String node, List<FilterReason> reasons, List<FilterReason> schedulerReasons) {
  public NodeVerdict {
    requireNonNull(node, "node");
    reasons = ImmutableList.copyOf(reasons);
    schedulerReasons = ImmutableList.copyOf(schedulerReasons);
  }

  /** Whether the node passes every filter. */
  public boolean feasible() {
    return schedulerReasons.isEmpty();
  }

  /** {@code Node/<name>: feasible}, or {@code Node/<name>: reason; reason}. */
  @Override
  public String toString() {
    if (feasible()) {
      return "Node/" + node + ": feasible";
    }
    StringBuilder text = new StringBuilder("Node/").append(node).append(": ");
    List<FilterReason> shown = reasons.isEmpty() ? schedulerReasons : reasons;
    for (int i = 0; i < shown.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(shown.get(i).message());
    }
    return text.toString();
  }
}
