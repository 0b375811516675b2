package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.openapi.models.V1SecurityContext;

/** {@code read-only-root-filesystem}: containers and init containers of Linux pods mount their root filesystem read-only. */
final class ReadOnlyRootFilesystem extends PodRule {

  ReadOnlyRootFilesystem() {
    super("read-only-root-filesystem", Severity.WARNING,
        "A writable root filesystem lets an intruder change the container's binaries and hides state outside volumes.",
        "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.isWindows()) {
      return;
    }
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      V1SecurityContext security = c.container().getSecurityContext();
      Boolean readOnly = security == null ? null : security.getReadOnlyRootFilesystem();
      if (readOnly == null || !readOnly) {
        context.report(c.path("securityContext.readOnlyRootFilesystem"), c.describe()
            + " should set securityContext.readOnlyRootFilesystem=true, was " + (readOnly == null ? "unset" : "false"));
      }
    }
  }
}
