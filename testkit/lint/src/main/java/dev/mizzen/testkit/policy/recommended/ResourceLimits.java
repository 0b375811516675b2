package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

/**
 * {@code resource-limits}: containers and init containers limit memory.
 *
 * <p>A CPU limit is deliberately not asked for. The kernel enforces it with CFS quota, which
 * throttles a container for the rest of each 100 ms period once it has used its share, even
 * when the node has idle CPU: latency spikes for nothing. CPU is compressible, and the CPU
 * request (asked by {@code resource-requests}) already decides each container's share when the
 * node is busy. Memory is not compressible: without a limit, a leak takes the node's memory and
 * the OOM killer may pick a neighbour. kube-linter agrees (memory limit only); kube-score and
 * Polaris also ask for a CPU limit.
 */
final class ResourceLimits extends PodRule {

  ResourceLimits() {
    super("resource-limits", Severity.WARNING,
        "Without a memory limit one container's leak takes the node's memory from its neighbours.",
        "Set resources.limits.memory (a leak then kills only this container); a CPU limit is not needed.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      V1ResourceRequirements resources = c.container().getResources();
      if (!ResourceRequests.has(resources == null ? null : resources.getLimits(), "memory")) {
        context.report(c.path("resources.limits.memory"), c.describe() + " should limit memory, was unset");
      }
    }
  }
}
