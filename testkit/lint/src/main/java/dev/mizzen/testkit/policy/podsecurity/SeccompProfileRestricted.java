package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.Set;

/**
 * Restricted {@code seccompProfile_restricted} (version 1.25+): a seccomp profile of type
 * {@code RuntimeDefault} or {@code Localhost} at pod level or in every container; Windows pods
 * are exempt. Replaces {@code seccompProfile_baseline}. A {@code seccompUnconfined} opt-out
 * exempts the profile of the pod or container it belongs to (not a container that sets none).
 */
final class SeccompProfileRestricted extends PodSecurityCheck {

  SeccompProfileRestricted() {
    super("seccompProfile_restricted",
        "Every container must run under a seccomp profile (RuntimeDefault or Localhost) that filters syscalls.",
        "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or set it in every container).");
  }

  @Override
  public Set<String> overrides() {
    return Set.of(SeccompProfileBaseline.ID);
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.isWindows()) {
      return;
    }
    V1SeccompProfile podProfile = pod.spec().getSecurityContext() == null ? null
        : pod.spec().getSecurityContext().getSeccompProfile();
    if (SeccompProfileBaseline.invalid(podProfile)) {
      report(context, pod, o -> o.pod(SecurityOptOuts.SECCOMP_UNCONFINED), pod.specPath("securityContext.seccompProfile.type"),
          "pod must not set securityContext.seccompProfile.type to \""
          + SeccompProfileBaseline.type(podProfile) + "\" (allowed: RuntimeDefault, Localhost)");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      V1SeccompProfile own = security == null ? null : security.getSeccompProfile();
      if (own != null) {
        if (!SeccompProfileBaseline.valid(own)) {
          report(context, pod, o -> o.container(c, SecurityOptOuts.SECCOMP_UNCONFINED), c.path("securityContext.seccompProfile.type"),
              c.describe()
              + " must not set securityContext.seccompProfile.type to \"" + SeccompProfileBaseline.type(own)
              + "\" (allowed: RuntimeDefault, Localhost)");
        }
      } else if (podProfile == null) {
        context.report(c.path("securityContext.seccompProfile"), c.describe()
            + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (or the pod must, at "
            + pod.specPath("securityContext.seccompProfile") + "), was unset");
      }
    }
  }
}
