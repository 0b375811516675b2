package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Restricted {@code runAsNonRoot}: {@code runAsNonRoot=true} at pod level or in every
 * container, and never {@code false}. All problems are reported at once: explicit
 * {@code false} settings, and containers that inherit nothing because the pod leaves it unset.
 * A {@code runAsRoot} opt-out exempts its container's findings; the pod's exempts the pod's and
 * every container's.
 */
final class RunAsNonRoot extends PodSecurityCheck {

  RunAsNonRoot() {
    super("runAsNonRoot",
        "Containers must be required to run as a non-root user.",
        "Set spec.securityContext.runAsNonRoot: true (or in every container) and run the image as a non-zero UID.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    V1PodSecurityContext podSecurity = pod.spec().getSecurityContext();
    Boolean podLevel = podSecurity == null ? null : podSecurity.getRunAsNonRoot();
    if (podLevel != null && !podLevel) {
      report(context, pod, o -> o.pod(SecurityOptOuts.RUN_AS_ROOT), pod.specPath("securityContext.runAsNonRoot"),
          "pod must not set securityContext.runAsNonRoot=false");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      Boolean own = security == null ? null : security.getRunAsNonRoot();
      if (own != null) {
        if (!own) {
          report(context, pod, o -> o.containerOrPod(c, SecurityOptOuts.RUN_AS_ROOT), c.path("securityContext.runAsNonRoot"),
              c.describe() + " must not set securityContext.runAsNonRoot=false");
        }
      } else if (podLevel == null) {
        report(context, pod, o -> o.containerOrPod(c, SecurityOptOuts.RUN_AS_ROOT), c.path("securityContext.runAsNonRoot"),
            c.describe() + " must set securityContext.runAsNonRoot=true (or the pod must, at " + pod.specPath("securityContext.runAsNonRoot")
            + "), was unset");
      }
    }
  }
}
