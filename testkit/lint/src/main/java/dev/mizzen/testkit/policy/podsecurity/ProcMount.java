package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Baseline {@code procMount}: {@code securityContext.procMount} only {@code Default} or unset.
 * (The upstream relaxation for user-namespaced pods sits behind the alpha feature gate
 * {@code UserNamespacesPodSecurityStandards}, off by default in 1.33, so it does not apply.)
 */
final class ProcMount extends PodSecurityCheck {

  ProcMount() {
    super("procMount",
        "The default /proc masks hide host information from containers and must stay in place.",
        "Remove securityContext.procMount (or set it to Default).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && security.getProcMount() != null && !"Default".equals(security.getProcMount())) {
        context.report(c.path("securityContext.procMount"), c.describe() + " must not set securityContext.procMount to \""
            + security.getProcMount() + "\" (allowed: Default, or unset)");
      }
    }
  }
}
