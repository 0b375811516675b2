package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Restricted {@code allowPrivilegeEscalation} (version 1.25+): every container sets
 * {@code securityContext.allowPrivilegeEscalation=false}; Windows pods ({@code spec.os.name: windows}) are exempt.
 * The container's {@code allowPrivilegeEscalation} or {@code privileged} opt-out (privileged
 * implies escalation) exempts it.
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
        report(context, pod, o -> o.container(c, SecurityOptOuts.PRIVILEGE_ESCALATION)
                .or(() -> o.container(c, SecurityOptOuts.PRIVILEGED)),
            c.path("securityContext.allowPrivilegeEscalation"), c.describe()
            + " must set securityContext.allowPrivilegeEscalation=false, was " + (allow == null ? "unset" : "true"));
      }
    }
  }
}
