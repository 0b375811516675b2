package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1Sysctl;
import java.util.List;
import java.util.Set;

/**
 * Baseline {@code sysctls} (version 1.32+): only the safe, namespaced sysctls. Names are compared
 * literally, as upstream does ({@code net/ipv4/tcp_rmem} is not {@code net.ipv4.tcp_rmem}). The
 * pod's {@code unsafeSysctls} opt-out exempts them.
 */
final class Sysctls extends PodSecurityCheck {
  static final Set<String> SAFE = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");

  Sysctls() {
    super("sysctls",
        "Sysctls outside the safe, namespaced set can affect the node and every other pod on it.",
        "Remove the sysctl, or set it on the node instead of in the pod.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.spec().getSecurityContext() == null) {
      return;
    }
    List<V1Sysctl> sysctls = pod.spec().getSecurityContext().getSysctls();
    if (sysctls == null) {
      return;
    }
    for (int i = 0; i < sysctls.size(); i++) {
      String name = sysctls.get(i) == null ? "" : orEmpty(sysctls.get(i).getName());
      if (!SAFE.contains(name)) {
        report(context, pod, o -> o.pod(SecurityOptOuts.UNSAFE_SYSCTLS), pod.specPath("securityContext.sysctls[" + i + "].name"),
            "sysctl \"" + name
            + "\" is not in the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,"
            + " net.ipv4.ip_local_reserved_ports, net.ipv4.ip_unprivileged_port_start, net.ipv4.ping_group_range,"
            + " net.ipv4.tcp_syncookies, net.ipv4.tcp_keepalive_*, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_rmem,"
            + " net.ipv4.tcp_wmem)");
      }
    }
  }
}
