package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Baseline {@code privileged}: no container may set {@code securityContext.privileged=true}.
 * The container's {@code privileged} opt-out exempts it.
 */
final class Privileged extends PodSecurityCheck {

  Privileged() {
    super("privileged",
        "Privileged containers disable most security mechanisms and can take over the node.",
        "Remove securityContext.privileged (or set it to false); grant only the capabilities the process needs.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && isTrue(security.getPrivileged())) {
        report(context, pod, o -> o.container(c, SecurityOptOuts.PRIVILEGED), c.path("securityContext.privileged"),
            c.describe() + " must not set securityContext.privileged=true");
      }
    }
  }
}
