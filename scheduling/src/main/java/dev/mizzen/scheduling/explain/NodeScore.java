package dev.mizzen.scheduling.explain;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A feasible node's score, as kube-scheduler's default profile computes it.
 *
 * @param node the node's name
 * @param total the sum of the parts
 * @param parts each score plugin's normalized score (0..100) times its weight, in plugin order
 */
public record NodeScore(String node, long total, Map<SchedulerPlugin, Long> parts) {
  public NodeScore {
    requireNonNull(node, "node");
    parts = ImmutableMap.copyOf(parts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Node/").append(node).append(": ").append(total).append(" (");
    String separator = "";
    for (Map.Entry<SchedulerPlugin, Long> part : parts.entrySet()) {
      text.append(separator).append(part.getKey()).append(' ').append(part.getValue());
      separator = ", ";
    }
    return text.append(')').toString();
  }
}
