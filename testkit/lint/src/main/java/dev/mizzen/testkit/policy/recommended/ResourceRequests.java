package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.Map;

/**
 * {@code resource-requests}: containers and init containers request cpu and memory. A limit
 * without a request counts, since the API server then defaults the request to the limit.
 */
final class ResourceRequests extends PodRule {

  ResourceRequests() {
    super("resource-requests", Severity.WARNING,
        "Without requests the scheduler packs pods blindly and the pod is the first evicted under pressure (BestEffort).",
        "Set resources.requests.cpu and resources.requests.memory to what the container needs at normal load.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      V1ResourceRequirements resources = c.container().getResources();
      Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
      Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
      for (String resource : new String[] {"cpu", "memory"}) {
        if (!has(requests, resource) && !has(limits, resource)) {
          context.report(c.path("resources.requests." + resource), c.describe() + " should request " + resource + ", was unset");
        }
      }
    }
  }

  static boolean has(Map<String, Quantity> quantities, String resource) {
    return quantities != null && quantities.get(resource) != null;
  }
}
