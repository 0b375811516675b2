package dev.mizzen.testkit.policy.podsecurity;

import dev.mizzen.testkit.policy.Exemption;
import dev.mizzen.testkit.policy.PodContainer;
import dev.mizzen.testkit.policy.PodTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security opt-outs the DSL records on a pod (its template, for a workload), read back as
 * {@link Exemption exemptions} for the Pod Security findings about what each one relaxes.
 *
 * <p>The format is the DSL's ({@code dev.mizzen.dsl.security.SecurityOptOut}, see
 * {@code docs/security.md}), read from the pod's own annotations: {@value #POD_ANNOTATION} holds
 * the pod's opt-outs and {@value #CONTAINER_ANNOTATION_PREFIX}{@code <container>} one
 * container's, one {@code <what>: <reason>} line each, where {@code <what>} is a label such as
 * {@code runAsRoot} or {@code capabilities NET_ADMIN,SYS_TIME}. A line without a reason, or with a
 * label no opt-out has, exempts nothing (the finding stays in force). {@code OptOutExemptionsTest}
 * checks every opt-out the DSL renders against this reading.
 *
 * <p>Parsed only when a rule is about to report a finding, so clean pods cost nothing.
 */
final class SecurityOptOuts {
  /** The annotation listing the pod's opt-outs. */
  static final String POD_ANNOTATION = "security.mizzen.dev/opt-out";
  /** The prefix of the annotation listing one container's opt-outs; the container name follows. */
  static final String CONTAINER_ANNOTATION_PREFIX = "opt-out.security.mizzen.dev/";

  /** {@code privileged: true}, and so privilege escalation (container). */
  static final String PRIVILEGED = "privileged";
  /** {@code allowPrivilegeEscalation: true} (container). */
  static final String PRIVILEGE_ESCALATION = "allowPrivilegeEscalation";
  /** Running as uid 0: {@code runAsNonRoot} false or unset, {@code runAsUser: 0} (pod: all its containers). */
  static final String RUN_AS_ROOT = "runAsRoot";
  /** Added capabilities, named after the label: {@code capabilities NET_ADMIN,SYS_TIME} (container). */
  static final String CAPABILITIES = "capabilities";
  /** {@code seccompProfile: Unconfined} (pod or container, each its own field). */
  static final String SECCOMP_UNCONFINED = "seccompUnconfined";
  /** {@code appArmorProfile: Unconfined} (pod or container, each its own field). */
  static final String APPARMOR_UNCONFINED = "appArmorUnconfined";
  /** {@code hostPort} on the container's ports (container). */
  static final String HOST_PORTS = "hostPorts";
  /** {@code hostNetwork: true}, and the host ports it implies for ports without one (pod). */
  static final String HOST_NETWORK = "hostNetwork";
  /** {@code hostPID: true} (pod). */
  static final String HOST_PID = "hostPID";
  /** {@code hostIPC: true} (pod). */
  static final String HOST_IPC = "hostIPC";
  /** hostPath volumes (pod). */
  static final String HOST_PATH = "hostPath";
  /** Sysctls outside the safe set (pod). */
  static final String UNSAFE_SYSCTLS = "unsafeSysctls";

  private static final SecurityOptOuts NONE = new SecurityOptOuts();

  /** The pod's opt-outs by label. */
  private final Map<String, Exemption> pod = new HashMap<>();
  /** Each container's opt-outs by label, capabilities by {@code capabilities NAME}. */
  private final Map<String, Map<String, Exemption>> containers = new HashMap<>();

  private SecurityOptOuts() {}

  /** The opt-outs recorded on {@code pod}. */
  static SecurityOptOuts of(PodTemplate pod) {
    Map<String, String> annotations = pod.annotations();
    SecurityOptOuts optOuts = null;
    for (Map.Entry<String, String> annotation : annotations.entrySet()) {
      String key = annotation.getKey();
      Map<String, Exemption> target;
      if (POD_ANNOTATION.equals(key)) {
        optOuts = optOuts == null ? new SecurityOptOuts() : optOuts;
        target = optOuts.pod;
      } else if (key != null && key.startsWith(CONTAINER_ANNOTATION_PREFIX)) {
        optOuts = optOuts == null ? new SecurityOptOuts() : optOuts;
        target = optOuts.containers.computeIfAbsent(key.substring(CONTAINER_ANNOTATION_PREFIX.length()), k -> new HashMap<>());
      } else {
        continue;
      }
      read(annotation.getValue(), pod.metadataPath() + ".annotations[" + key + "]", target);
    }
    return optOuts == null ? NONE : optOuts;
  }

  private static void read(String value, String annotation, Map<String, Exemption> target) {
    if (value == null) {
      return;
    }
    for (String line : value.split("\n")) {
      int colon = line.indexOf(": ");
      String reason = colon < 0 ? "" : line.substring(colon + 2).strip();
      if (colon <= 0 || reason.isEmpty()) {
        continue;
      }
      String what = line.substring(0, colon).strip();
      Exemption exemption = Exemption.of(annotation, reason);
      if (what.startsWith(CAPABILITIES + " ")) {
        for (String capability : what.substring(CAPABILITIES.length() + 1).split(",")) {
          target.putIfAbsent(CAPABILITIES + " " + capability.strip(), exemption);
        }
      } else {
        target.putIfAbsent(what, exemption);
      }
    }
  }

  /** The pod's opt-out {@code label}, if recorded. */
  Optional<Exemption> pod(String label) {
    return Optional.ofNullable(pod.get(label));
  }

  /** The opt-out {@code label} of container {@code c}, if recorded. */
  Optional<Exemption> container(PodContainer c, String label) {
    Map<String, Exemption> own = containers.get(c.name());
    return Optional.ofNullable(own == null ? null : own.get(label));
  }

  /** The opt-out {@code label} of container {@code c}, or else the pod's. */
  Optional<Exemption> containerOrPod(PodContainer c, String label) {
    Optional<Exemption> own = container(c, label);
    return own.isPresent() ? own : pod(label);
  }

  /** The capabilities opt-out of container {@code c} that names {@code capability}, if recorded. */
  Optional<Exemption> capability(PodContainer c, String capability) {
    return container(c, CAPABILITIES + " " + capability);
  }
}
