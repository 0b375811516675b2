package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Restricted {@code allowPrivilegeEscalation} (version 1.25+): every container sets
 * {@code securityContext.allowPrivilegeEscalation=false}; Windows pods ({@code spec.os.name: windows}) are exempt.
 */
final class AllowPrivilegeEscalation extends PodSecurityCheck {

  AllowPrivilegeEscalation() {
    super("allowPrivilegeEscalation",
        "Unless escalation is turned off, a process can gain more privileges than its parent (through setuid binaries).",
        "Set securityContext.allowPrivilegeEscalation: false in every container.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.isWindows()) {
      return;
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      Boolean allow = security == null ? null : security.getAllowPrivilegeEscalation();
      if (allow == null || allow) {
        context.report(c.path("securityContext.allowPrivilegeEscalation"), c.describe()
            + " must set securityContext.allowPrivilegeEscalation=false, was " + (allow == null ? "unset" : "true"));
      }
    }
  }
}
