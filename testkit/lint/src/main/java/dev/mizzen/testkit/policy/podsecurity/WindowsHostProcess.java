package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1WindowsSecurityContextOptions;

/** Baseline {@code windowsHostProcess}: no {@code windowsOptions.hostProcess=true}, for the pod or any container. */
final class WindowsHostProcess extends PodSecurityCheck {

  WindowsHostProcess() {
    super("windowsHostProcess",
        "Windows HostProcess containers run directly on the host with full privileges.",
        "Remove securityContext.windowsOptions.hostProcess (or set it to false).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.spec().getSecurityContext() != null && hostProcess(pod.spec().getSecurityContext().getWindowsOptions())) {
      context.report(pod.specPath("securityContext.windowsOptions.hostProcess"),
          "pod must not set securityContext.windowsOptions.hostProcess=true");
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null && hostProcess(security.getWindowsOptions())) {
        context.report(c.path("securityContext.windowsOptions.hostProcess"), c.describe()
            + " must not set securityContext.windowsOptions.hostProcess=true");
      }
    }
  }

  private static boolean hostProcess(V1WindowsSecurityContextOptions options) {
    return options != null && isTrue(options.getHostProcess());
  }
}
