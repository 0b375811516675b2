package dev.mizzen.dsl.internal;

import dev.mizzen.dsl.security.ContainerOptOut;
import dev.mizzen.dsl.security.ContainerSecurity;
import dev.mizzen.dsl.security.PodOptOut;
import dev.mizzen.dsl.security.PodSecurity;
import dev.mizzen.validation.internal.Validation;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of a pod's {@link PodSecurity} and a container's {@link ContainerSecurity}: ids,
 * capabilities, sysctls, profiles and opt-outs (each with a one-line reason, once per kind, at
 * the field it relaxes).
 */
public final class SecurityContexts {
  private static final long MAX_ID = Integer.MAX_VALUE;
  /** The one capability Pod Security "restricted" lets a container add. */
  private static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";
  private static final Pattern CAPABILITY = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern SYSCTL_NAME =
      Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  /** Sysctls of the IPC namespace by name (k8s.io/component-helpers/node/util/sysctl, {@code nameToNamespace}). */
  private static final Set<String> IPC_SYSCTLS = Set.of("kernel.sem", "kernel.shmall", "kernel.shmmax",
      "kernel.shmmni", "kernel.shm_rmid_forced", "kernel.shm", "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni",
      "kernel.msg");

  private SecurityContexts() {}

  /**
   * The namespace of a (valid) sysctl name as the API server's {@code ValidateHostSysctl} sees it
   * ({@code sysctl.GetNamespace}): {@code "net"} for {@code net.*}, {@code "ipc"} for the IPC
   * names and {@code fs.mqueue.*}, otherwise {@code ""}. A name written with '/' first
   * ({@code net/ipv4/ip_forward}) is read with '/' and '.' swapped ({@code NormalizeName}).
   */
  static String sysctlNamespace(String name) {
    String normalized = name;
    int firstSeparator = indexOfAny(name, "./");
    if (firstSeparator >= 0 && name.charAt(firstSeparator) == '/') {
      StringBuilder swapped = new StringBuilder(name.length());
      for (char c : name.toCharArray()) {
        swapped.append(c == '.' ? '/' : c == '/' ? '.' : c);
      }
      normalized = swapped.toString();
    }
    if (IPC_SYSCTLS.contains(normalized) || normalized.startsWith("fs.mqueue.")) {
      return "ipc";
    }
    return normalized.startsWith("net.") ? "net" : "";
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Checks the pod's ids, sysctls, profiles and opt-outs; {@code v} is positioned at the pod spec
   * ({@code spec.template.spec}), so problems land on {@code securityContext.runAsUser},
   * {@code hostNetwork}, ...
   */
  public static void validate(Validation v, PodSecurity security) {
    Validation context = v.field("securityContext");
    security.runAsUser().ifPresent(uid -> {
      Validation field = context.field("runAsUser");
      if (field.checkRange(uid, 0, MAX_ID) && uid == 0) {
        field.check(security.allowsRoot(), "must not be 0 (root) while the pod requires runAsNonRoot: choose a"
            + " non-zero uid or opt out with PodOptOut.runAsRoot(reason)");
      }
    });
    security.runAsGroup().ifPresent(gid -> context.field("runAsGroup").checkRange(gid, 0, MAX_ID));
    security.fsGroup().ifPresent(gid -> context.field("fsGroup").checkRange(gid, 0, MAX_ID));
    for (int i = 0; i < security.supplementalGroups().size(); i++) {
      context.field("supplementalGroups").index(i).checkRange(security.supplementalGroups().get(i), 0, MAX_ID);
    }
    security.sysctls().keySet().forEach(name -> {
      Validation field = context.field("sysctls").key(name);
      if (field.check(name.length() <= 253 && SYSCTL_NAME.matcher(name).matches(),
          "must be a sysctl name such as net.ipv4.tcp_syncookies (at most 253 lowercase letters,"
              + " digits, '-', '_', '.' or '/'), was '%s'", name)) {
        field.check(PodSecurity.SAFE_SYSCTLS.contains(name) || security.hasOptOut(PodOptOut.Kind.UNSAFE_SYSCTLS),
            "is not among the sysctls Pod Security baseline allows: opt out with"
                + " PodOptOut.unsafeSysctls(reason) (and allow it on the kubelet)");
        String namespace = sysctlNamespace(name);
        if (namespace.equals("net")) {
          field.check(!security.usesHostNetwork(), "may not be specified when 'hostNetwork' is true: it is a"
              + " network namespace sysctl, and the pod shares the node's network namespace");
        } else if (namespace.equals("ipc")) {
          field.check(!security.hasOptOut(PodOptOut.Kind.HOST_IPC), "may not be specified when 'hostIPC' is true:"
              + " it is an IPC namespace sysctl, and the pod shares the node's IPC namespace");
        }
      }
    });
    checkLocalhostProfiles(context, security.seccompLocalhostProfile(),
        security.hasOptOut(PodOptOut.Kind.SECCOMP_UNCONFINED), security.appArmorLocalhostProfile(),
        security.hasOptOut(PodOptOut.Kind.APPARMOR_UNCONFINED));
    Set<PodOptOut.Kind> seen = EnumSet.noneOf(PodOptOut.Kind.class);
    for (PodOptOut optOut : security.optOuts()) {
      checkOptOut(at(v, optOut.kind()), optOut.kind().label(), optOut.reason(), seen.add(optOut.kind()));
    }
  }

  /**
   * Checks a container's ids, capabilities, profiles and opt-outs; {@code v} is positioned at the
   * container's {@code securityContext}. {@code podAllowsRoot} says whether the pod opted out of
   * {@code runAsNonRoot} ({@link PodSecurity#allowsRoot()}).
   */
  public static void validate(Validation v, ContainerSecurity security, boolean podAllowsRoot) {
    security.runAsUser().ifPresent(uid -> {
      Validation field = v.field("runAsUser");
      if (field.checkRange(uid, 0, MAX_ID) && uid == 0) {
        field.check(podAllowsRoot || security.hasOptOut(ContainerOptOut.Kind.RUN_AS_ROOT),
            "must not be 0 (root) while the pod requires runAsNonRoot: choose a non-zero uid or opt out"
                + " with ContainerOptOut.runAsRoot(reason)");
      }
    });
    security.runAsGroup().ifPresent(gid -> v.field("runAsGroup").checkRange(gid, 0, MAX_ID));
    Validation add = v.field("capabilities").field("add");
    for (int i = 0; i < security.capabilities().size(); i++) {
      String capability = security.capabilities().get(i);
      if (checkCapability(add.index(i), capability)) {
        add.index(i).check(capability.equals(NET_BIND_SERVICE),
            "adds %s, which Pod Security restricted forbids (only NET_BIND_SERVICE is allowed):"
                + " opt out with ContainerOptOut.capabilities(reason, \"%s\")", capability, capability);
      }
    }
    checkLocalhostProfiles(v, security.seccompLocalhostProfile(),
        security.hasOptOut(ContainerOptOut.Kind.SECCOMP_UNCONFINED), security.appArmorLocalhostProfile(),
        security.hasOptOut(ContainerOptOut.Kind.APPARMOR_UNCONFINED));
    Set<ContainerOptOut.Kind> seen = EnumSet.noneOf(ContainerOptOut.Kind.class);
    for (ContainerOptOut optOut : security.optOuts()) {
      Validation at = at(v, optOut.kind());
      checkOptOut(at, optOut.kind().label(), optOut.reason(), seen.add(optOut.kind()));
      if (optOut.kind() == ContainerOptOut.Kind.CAPABILITIES) {
        at.check(!optOut.capabilities().isEmpty(), "the capabilities opt-out must name at least one capability");
        optOut.capabilities().forEach(capability -> checkCapability(at.key(capability), capability));
      }
    }
  }

  /** Where the setting a pod opt-out relaxes lives, from the pod spec. */
  private static Validation at(Validation podSpec, PodOptOut.Kind kind) {
    return podSpec.field(switch (kind) {
      case RUN_AS_ROOT -> "securityContext.runAsNonRoot";
      case SECCOMP_UNCONFINED -> "securityContext.seccompProfile";
      case APPARMOR_UNCONFINED -> "securityContext.appArmorProfile";
      case HOST_NETWORK -> "hostNetwork";
      case HOST_PID -> "hostPID";
      case HOST_IPC -> "hostIPC";
      case HOST_PATH -> "volumes";
      case UNSAFE_SYSCTLS -> "securityContext.sysctls";
    });
  }

  /** Where the setting a container opt-out relaxes lives, from {@code securityContext} (itself for host ports). */
  private static Validation at(Validation securityContext, ContainerOptOut.Kind kind) {
    return switch (kind) {
      case PRIVILEGED -> securityContext.field("privileged");
      case PRIVILEGE_ESCALATION -> securityContext.field("allowPrivilegeEscalation");
      case RUN_AS_ROOT -> securityContext.field("runAsNonRoot");
      case CAPABILITIES -> securityContext.field("capabilities.add");
      case SECCOMP_UNCONFINED -> securityContext.field("seccompProfile");
      case APPARMOR_UNCONFINED -> securityContext.field("appArmorProfile");
      case HOST_PORTS -> securityContext;
    };
  }

  /**
   * Checks that the reason is one non-blank line and that this kind of opt-out ({@code what})
   * was not given before ({@code firstOfItsKind}); {@code at} is the field it relaxes.
   */
  private static void checkOptOut(Validation at, String what, String reason, boolean firstOfItsKind) {
    at.check(!reason.isBlank(), "the %s opt-out needs a reason (say what requires it), was blank", what);
    at.check(!reason.contains("\n") && !reason.contains("\r"),
        "the %s opt-out reason must be one line (it is recorded in an annotation)", what);
    at.check(firstOfItsKind, "the %s opt-out is given more than once", what);
  }

  /**
   * Checks a seccomp localhost profile, a path relative to the kubelet's seccomp root: relative
   * and without '..' ({@code validateSeccompProfileField}); stricter: not empty, since the empty
   * path names the root directory itself, which no runtime can load as a profile.
   */
  /**
   * Checks the seccomp and AppArmor localhost profiles of a pod's or a container's security
   * context ({@code v}), and that no opt-out unconfines what the profile confines.
   */
  private static void checkLocalhostProfiles(Validation v, Optional<String> seccomp, boolean seccompUnconfined,
      Optional<String> appArmor, boolean appArmorUnconfined) {
    seccomp.ifPresent(profile -> {
      Validation field = v.field("seccompProfile").field("localhostProfile");
      checkSeccompLocalhostProfile(field, profile);
      field.check(!seccompUnconfined, "must not be set together with the seccompUnconfined opt-out");
    });
    appArmor.ifPresent(profile -> {
      Validation field = v.field("appArmorProfile").field("localhostProfile");
      checkAppArmorLocalhostProfile(field, profile);
      field.check(!appArmorUnconfined, "must not be set together with the appArmorUnconfined opt-out");
    });
  }

  private static void checkSeccompLocalhostProfile(Validation at, String profile) {
    if (!at.check(!profile.isEmpty(), "must not be empty: name a profile file under the kubelet's seccomp"
        + " root")) {
      return;
    }
    at.check(!profile.startsWith("/"), "must be a path relative to the kubelet's profile root, was '%s'", profile);
    at.check(!Set.of(profile.split("/")).contains(".."), "must not contain '..', was '%s'", profile);
  }

  /**
   * Checks an AppArmor localhost profile, the name of a profile loaded on the node (often a path,
   * such as {@code /usr/sbin/ntpd}): not empty, not padded with whitespace, at most 4095 bytes
   * ({@code ValidateAppArmorProfileField}).
   */
  private static void checkAppArmorLocalhostProfile(Validation at, String profile) {
    if (!at.check(!profile.strip().isEmpty(), "must not be empty")) {
      return;
    }
    at.check(profile.strip().equals(profile), "must not be padded with whitespace, was '%s'", profile);
    at.check(profile.getBytes(StandardCharsets.UTF_8).length <= 4095,
        "must be at most 4095 bytes, was %d", profile.getBytes(StandardCharsets.UTF_8).length);
  }

  /**
   * Checks a capability name as the container runtime takes it ({@code NET_ADMIN}, without
   * {@code CAP_}); {@code v} is positioned at the list entry.
   */
  private static boolean checkCapability(Validation v, String name) {
    if (name.startsWith("CAP_")) {
      v.problem("must be a capability name without the CAP_ prefix, such as %s, was '%s'",
          name.substring(4), name);
      return false;
    }
    return v.check(CAPABILITY.matcher(name).matches(),
        "must be an upper-case capability name such as NET_ADMIN, was '%s'", name);
  }
}
