package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Baseline {@code seccompProfile_baseline} (version 1.19+): a seccomp profile, where set, only
 * {@code RuntimeDefault} or {@code Localhost}. (The pre-1.19 annotations are not checked at the
 * latest version.) A {@code seccompUnconfined} opt-out exempts the profile of the pod or
 * container it belongs to.
 */
final class SeccompProfileBaseline extends PodSecurityCheck {
  static final String ID = "seccompProfile_baseline";

  SeccompProfileBaseline() {
    super(ID,
        "An Unconfined seccomp profile turns off the syscall filter.",
        "Set seccompProfile.type to RuntimeDefault (or Localhost), or leave it unset.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.spec().getSecurityContext() != null && invalid(pod.spec().getSecurityContext().getSeccompProfile())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.SECCOMP_UNCONFINED), pod.specPath("securityContext.seccompProfile.type"),
          "pod must not set securityContext.seccompProfile.type to \""
          + type(pod.spec().getSecurityContext().getSeccompProfile()) + "\" (allowed: RuntimeDefault, Localhost)");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && invalid(security.getSeccompProfile())) {
        report(context, pod, o -> o.container(c, SecurityOptOuts.SECCOMP_UNCONFINED), c.path("securityContext.seccompProfile.type"),
            c.describe()
            + " must not set securityContext.seccompProfile.type to \"" + type(security.getSeccompProfile())
            + "\" (allowed: RuntimeDefault, Localhost)");
      }
    }
  }

  /** Set, and neither RuntimeDefault nor Localhost. */
  static boolean invalid(V1SeccompProfile profile) {
    return profile != null && !valid(profile);
  }

  static boolean valid(V1SeccompProfile profile) {
    return "RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType());
  }

  static String type(V1SeccompProfile profile) {
    return profile.getType() == null ? "" : profile.getType();
  }
}
