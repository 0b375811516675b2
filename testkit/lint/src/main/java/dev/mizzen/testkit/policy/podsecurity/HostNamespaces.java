package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1PodSpec;

/** Baseline {@code hostNamespaces}: no {@code hostNetwork}, {@code hostPID} or {@code hostIPC}. */
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
      context.report(pod.specPath("hostNetwork"), "must not set hostNetwork=true (the pod would share the node's network namespace)");
    }
    if (isTrue(spec.getHostPID())) {
      context.report(pod.specPath("hostPID"), "must not set hostPID=true (the pod would see every process of the node)");
    }
    if (isTrue(spec.getHostIPC())) {
      context.report(pod.specPath("hostIPC"), "must not set hostIPC=true (the pod would share the node's IPC namespace)");
    }
  }
}
