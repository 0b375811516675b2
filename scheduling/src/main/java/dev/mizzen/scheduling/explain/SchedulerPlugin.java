package dev.mizzen.scheduling.explain;

/**
 * The plugins of kube-scheduler 1.33's default profile that the explainer models, in the order
 * the scheduler runs their filters, with their default score weights ({@code 0}: the plugin
 * does not score). Volume plugins, ImageLocality and DynamicResources are not modelled.
 */
public enum SchedulerPlugin {
  NODE_UNSCHEDULABLE("NodeUnschedulable", 0),
  NODE_NAME("NodeName", 0),
  TAINT_TOLERATION("TaintToleration", 3),
  NODE_AFFINITY("NodeAffinity", 2),
  NODE_PORTS("NodePorts", 0),
  NODE_RESOURCES_FIT("NodeResourcesFit", 1),
  POD_TOPOLOGY_SPREAD("PodTopologySpread", 2),
  INTER_POD_AFFINITY("InterPodAffinity", 2),
  NODE_RESOURCES_BALANCED_ALLOCATION("NodeResourcesBalancedAllocation", 1);

  private final String schedulerName;
  private final int weight;

  SchedulerPlugin(String schedulerName, int weight) {
    this.schedulerName = schedulerName;
    this.weight = weight;
  }

  /** The plugin's name in kube-scheduler ({@code NodeResourcesFit}). */
  public String schedulerName() {
    return schedulerName;
  }

  /** The plugin's weight in the default profile's scoring; {@code 0} for filter-only plugins. */
  public int weight() {
    return weight;
  }

  @Override
  public String toString() {
    return schedulerName;
  }
}
