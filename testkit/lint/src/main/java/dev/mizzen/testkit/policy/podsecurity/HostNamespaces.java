package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1PodSpec;

/**
 * Baseline {@code hostNamespaces}: no {@code hostNetwork}, {@code hostPID} or {@code hostIPC}. The
 * pod's {@code hostNetwork}, {@code hostPID} and {@code hostIPC} opt-outs each exempt their field.
 */
final class HostNamespaces extends PodSecurityCheck {

  HostNamespaces() {
    super("hostNamespaces",
        "Sharing the node's network, PID or IPC namespace lets the pod see and reach the node's traffic and processes.",
        "Remove hostNetwork, hostPID and hostIPC (or set them to false).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    V1PodSpec spec = pod.spec();
    if (isTrue(spec.getHostNetwork())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.HOST_NETWORK), pod.specPath("hostNetwork"), "must not set hostNetwork=true (the pod would share the node's network namespace)");
    }
    if (isTrue(spec.getHostPID())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.HOST_PID), pod.specPath("hostPID"), "must not set hostPID=true (the pod would see every process of the node)");
    }
    if (isTrue(spec.getHostIPC())) {
      report(context, pod, o -> o.pod(SecurityOptOuts.HOST_IPC), pod.specPath("hostIPC"), "must not set hostIPC=true (the pod would share the node's IPC namespace)");
    }
  }
}
