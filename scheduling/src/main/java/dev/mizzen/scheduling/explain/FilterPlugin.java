package dev.mizzen.scheduling.explain;

import java.util.List;

/** One filter of the scheduling cycle, with its pre-filter state already computed for the pod. */
interface FilterPlugin {
  SchedulerPlugin plugin();

  /** Why the node cannot take the pod; empty when it can. */
  List<FilterReason> filter(NodeInfo node);
}
