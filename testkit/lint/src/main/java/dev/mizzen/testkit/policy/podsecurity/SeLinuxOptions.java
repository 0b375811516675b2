package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import dev.mizzen.testkit.policy.RuleContext;
import io.kubernetes.client.openapi.models.V1SELinuxOptions;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.Set;

/**
 * Baseline {@code seLinuxOptions} (version 1.31+): the SELinux type only one of the container
 * types, and no custom user or role, for the pod and every container.
 */
final class SeLinuxOptions extends PodSecurityCheck {
  static final Set<String> ALLOWED_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  SeLinuxOptions() {
    super("seLinuxOptions",
        "Custom SELinux users, roles or types can lift the container's SELinux confinement.",
        "Leave seLinuxOptions.user and .role unset and use type container_t (or container_init_t, container_kvm_t, container_engine_t).");
  }

  @Override
  void check(PodTemplate pod, RuleContext context) {
    if (pod.spec().getSecurityContext() != null) {
      check(pod.spec().getSecurityContext().getSeLinuxOptions(), pod.specPath("securityContext.seLinuxOptions"), "pod", context);
    }
    for (PodContainer c : pod.containers()) {
      V1SecurityContext security = c.container().getSecurityContext();
      if (security != null) {
        check(security.getSeLinuxOptions(), c.path("securityContext.seLinuxOptions"), c.describe(), context);
      }
    }
  }

  private static void check(V1SELinuxOptions options, String path, String who, RuleContext context) {
    if (options == null) {
      return;
    }
    String type = options.getType() == null ? "" : options.getType();
    if (!ALLOWED_TYPES.contains(type)) {
      context.report(path + ".type", who + " must not set SELinux type \"" + type
          + "\" (allowed: container_t, container_init_t, container_kvm_t, container_engine_t, or unset)");
    }
    if (options.getUser() != null && !options.getUser().isEmpty()) {
      context.report(path + ".user", who + " must not set an SELinux user, was \"" + options.getUser() + "\"");
    }
    if (options.getRole() != null && !options.getRole().isEmpty()) {
      context.report(path + ".role", who + " must not set an SELinux role, was \"" + options.getRole() + "\"");
    }
  }
}
