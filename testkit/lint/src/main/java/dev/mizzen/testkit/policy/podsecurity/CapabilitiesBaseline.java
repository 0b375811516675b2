package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Baseline {@code capabilities_baseline}: {@code capabilities.add} only from the runtime's default
 * set. The container's {@code capabilities} opt-out exempts the capabilities it names.
 */
final class CapabilitiesBaseline extends PodSecurityCheck {
  static final String ID = "capabilities_baseline";
  /** The capabilities container runtimes grant by default, which baseline allows adding back. */
  static final Set<String> DEFAULT_SET = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
      "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
  private static final String ALLOWED = "AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD,"
      + " NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT";

  CapabilitiesBaseline() {
    super(ID,
        "Capabilities beyond the runtime's default set (such as NET_ADMIN or SYS_ADMIN) grant root-like powers.",
        "Remove the capability from securityContext.capabilities.add, or exempt the object with a reason.");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security == null || security.getCapabilities() == null) {
        continue;
      }
      List<String> add = security.getCapabilities().getAdd();
      if (add == null) {
        continue;
      }
      Set<String> forbidden = null;
      for (String item : add) {
        String capability = orEmpty(item);
        if (!DEFAULT_SET.contains(capability)) {
          if (forbidden == null) {
            forbidden = new TreeSet<>();
          }
          forbidden.add(capability);
        }
      }
      if (forbidden != null) {
        reportCapabilities(context, pod, c, forbidden, added -> c.describe() + " must not add " + quote(added)
            + " (baseline allows adding only " + ALLOWED + ")");
      }
    }
  }
}
