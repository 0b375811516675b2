package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Restricted {@code capabilities_restricted} (version 1.25+): every container drops {@code ALL}
 * and adds back at most {@code NET_BIND_SERVICE}; Windows pods are exempt. Replaces
 * {@code capabilities_baseline}. The container's {@code capabilities} opt-out exempts the
 * capabilities it names (not a missing {@code drop: ["ALL"]}).
 */
final class CapabilitiesRestricted extends PodSecurityCheck {

  CapabilitiesRestricted() {
    super("capabilities_restricted",
        "Containers must drop every capability and may add back only NET_BIND_SERVICE.",
        "Set securityContext.capabilities.drop: [\"ALL\"] and add only NET_BIND_SERVICE, if anything.");
  }

  @Override
  public Set<String> overrides() {
    return Set.of(CapabilitiesBaseline.ID);
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.isWindows()) {
      return;
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      V1Capabilities capabilities = security == null ? null : security.getCapabilities();
      List<String> drop = capabilities == null ? null : capabilities.getDrop();
      if (drop == null || !drop.contains("ALL")) {
        context.report(c.path("securityContext.capabilities.drop"), c.describe()
            + " must set securityContext.capabilities.drop=[\"ALL\"], was " + (drop == null || drop.isEmpty() ? "unset" : "[" + quote(drop) + "]"));
      }
      List<String> add = capabilities == null ? null : capabilities.getAdd();
      if (add != null) {
        Set<String> forbidden = new TreeSet<>();
        for (String capability : add) {
          if (!"NET_BIND_SERVICE".equals(capability)) {
            forbidden.add(orEmpty(capability));
          }
        }
        if (!forbidden.isEmpty()) {
          reportCapabilities(context, pod, c, forbidden, added -> c.describe() + " must not add " + quote(added)
              + " (restricted allows adding only NET_BIND_SERVICE)");
        }
      }
    }
  }
}
