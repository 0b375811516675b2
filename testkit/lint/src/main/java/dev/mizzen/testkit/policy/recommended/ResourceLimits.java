package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;

/** {@code resource-limits}: containers and init containers limit cpu and memory. */
final class ResourceLimits extends PodRule {

  ResourceLimits() {
    super("resource-limits", Severity.WARNING,
        "Without limits one container can take a node's memory or CPU from its neighbours.",
        "Set resources.limits.memory (a leak then kills only this container) and resources.limits.cpu.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      V1ResourceRequirements resources = c.container().getResources();
      for (String resource : new String[] {"cpu", "memory"}) {
        if (!ResourceRequests.has(resources == null ? null : resources.getLimits(), resource)) {
          context.report(c.path("resources.limits." + resource), c.describe() + " should limit " + resource + ", was unset");
        }
      }
    }
  }
}
