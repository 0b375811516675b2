package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

/**
 * Why one plugin filtered a node out, in kube-scheduler's words ({@code Insufficient cpu},
 * {@code node(s) had untolerated taint {nvidia.com/gpu: present}}).
 *
 * @param plugin the plugin that filtered the node out
 * @param message the reason, exactly as kube-scheduler 1.33 writes it
 * @param unresolvable whether the scheduler deems the reason beyond preemption
 *     ({@code UnschedulableAndUnresolvable}): evicting pods from the node would not help
 */
public record FilterReason(SchedulerPlugin plugin, String message, boolean unresolvable) {
  public FilterReason {
    requireNonNull(plugin, "plugin");
    requireNonNull(message, "message");
  }

  static FilterReason resolvable(SchedulerPlugin plugin, String message) {
    return new FilterReason(plugin, message, false);
  }

  static FilterReason unresolvable(SchedulerPlugin plugin, String message) {
    return new FilterReason(plugin, message, true);
  }

  @Override
  public String toString() {
    return plugin + ": " + message;
  }
}
