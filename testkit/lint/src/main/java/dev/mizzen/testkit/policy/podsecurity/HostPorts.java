package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import java.util.List;

/**
 * Baseline {@code hostPorts}: no container port may set {@code hostPort}. Like the API server,
 * which defaults {@code hostPort} to {@code containerPort} in host-network pods, a port of a
 * {@code hostNetwork: true} pod counts as a host port even when {@code hostPort} is unset.
 * The container's {@code hostPorts} opt-out exempts its ports; the pod's {@code hostNetwork}
 * opt-out exempts the host ports it implies (ports without a {@code hostPort} of their own).
 */
final class HostPorts extends PodSecurityCheck {

  HostPorts() {
    super("hostPorts",
        "hostPorts bind ports on the node itself, bypassing NetworkPolicies and limiting where the pod can run.",
        "Remove hostPort and reach the pod through a Service (NodePort or LoadBalancer if it must be exposed).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    boolean hostNetwork = isTrue(pod.spec().getHostNetwork());
    for (PodContainer c : pod.containers()) {
      List<V1ContainerPort> ports = c.container().getPorts();
      if (ports == null) {
        continue;
      }
      for (int i = 0; i < ports.size(); i++) {
        V1ContainerPort port = ports.get(i);
        int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
        if (hostPort != 0) {
          report(context, pod, o -> o.container(c, SecurityOptOuts.HOST_PORTS), c.path("ports[" + i + "].hostPort"),
              c.describe() + " must not use hostPort " + hostPort);
        } else if (hostNetwork && c.type() != PodContainer.Type.EPHEMERAL && port.getContainerPort() != null
            && port.getContainerPort() != 0) {
          report(context, pod, o -> o.container(c, SecurityOptOuts.HOST_PORTS).or(() -> o.pod(SecurityOptOuts.HOST_NETWORK)),
              c.path("ports[" + i + "].hostPort"), c.describe() + " must not use hostPort "
              + port.getContainerPort() + " (with hostNetwork=true the API server defaults hostPort to containerPort)");
        }
      }
    }
  }
}
