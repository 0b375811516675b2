package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Probe;

/** {@code probe-port}: a probe that names its port ({@code port: http}) names a port of its container. */
final class ProbePort extends PodRule {

  ProbePort() {
    super("probe-port", Severity.ERROR,
        "A probe on a port name the container does not declare can never succeed: the pod never gets ready, or restarts forever.",
        "Use the name of one of the container's ports, or the port number.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      if (c.type() == PodContainer.Type.EPHEMERAL) {
        continue;
      }
      V1Container container = c.container();
      check(c, "readinessProbe", container.getReadinessProbe(), context);
      check(c, "livenessProbe", container.getLivenessProbe(), context);
      check(c, "startupProbe", container.getStartupProbe(), context);
    }
  }

  private static void check(PodContainer c, String field, V1Probe probe, RuleContext context) {
    if (probe == null) {
      return;
    }
    if (probe.getHttpGet() != null) {
      check(c, field + ".httpGet.port", probe.getHttpGet().getPort(), context);
    }
    if (probe.getTcpSocket() != null) {
      check(c, field + ".tcpSocket.port", probe.getTcpSocket().getPort(), context);
    }
  }

  private static void check(PodContainer c, String field, IntOrString port, RuleContext context) {
    if (port == null || port.isInteger() || port.getStrValue() == null || hasPort(c.container(), port.getStrValue())) {
      return;
    }
    context.report(c.path(field), c.describe() + " has no port named \"" + port.getStrValue() + "\" for its probe");
  }

  static boolean hasPort(V1Container container, String name) {
    if (container.getPorts() != null) {
      for (V1ContainerPort p : container.getPorts()) {
        if (name.equals(p.getName())) {
          return true;
        }
      }
    }
    return false;
  }
}
