package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/**
 * Restricted {@code runAsUser} (version 1.23+): no {@code runAsUser=0}, for the pod or any
 * container. A {@code runAsRoot} opt-out exempts its container's; the pod's exempts every one.
 */
final class RunAsUser extends PodSecurityCheck {

  RunAsUser() {
    super("runAsUser",
        "UID 0 is root.",
        "Set runAsUser to a non-zero UID, or remove it and let the image's non-root user apply.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.spec().getSecurityContext() != null && isRoot(pod.spec().getSecurityContext().getRunAsUser())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.RUN_AS_ROOT), pod.specPath("securityContext.runAsUser"),
          "pod must not set runAsUser=0");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && isRoot(security.getRunAsUser())) {
        report(context, pod, o -> o.containerOrPod(c, SecurityOptOuts.RUN_AS_ROOT), c.path("securityContext.runAsUser"),
            c.describe() + " must not set runAsUser=0");
      }
    }
  }

  private static boolean isRoot(Long uid) {
    return uid != null && uid == 0L;
  }
}
