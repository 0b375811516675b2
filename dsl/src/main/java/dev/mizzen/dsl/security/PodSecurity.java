package dev.mizzen.dsl.security;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Sysctl;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A pod's security context and host namespaces. The default ({@link #restricted()}) renders
 * exactly what Pod Security "restricted" asks of a pod:
 *
 * <pre>{@code
 * securityContext:
 *   runAsNonRoot: true
 *   seccompProfile:
 *     type: RuntimeDefault
 * }</pre>
 *
 * <p>No user id is invented: with {@code runAsNonRoot} and no {@link #runAsUser()}, the image
 * must declare a numeric non-root {@code USER} or the kubelet refuses to start it. Host
 * namespaces, hostPath volumes, root, unconfined profiles and unsafe sysctls are only available
 * as a {@link PodOptOut} with a reason.
 *
 * <pre>{@code
 * PodSecurity.restricted().runAsUser(999).fsGroup(999)
 * }</pre>
 */
@Value.Immutable
public abstract class PodSecurity {
  private static final long MAX_ID = Integer.MAX_VALUE;
  private static final PodSecurity RESTRICTED = restricted().build();
  private static final Pattern SYSCTL_NAME =
      Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  /** The sysctls Pod Security baseline (Kubernetes 1.32+) allows without an opt-out. */
  public static final Set<String> SAFE_SYSCTLS = Set.of(
      "kernel.shm_rmid_forced",
      "net.ipv4.ip_local_port_range",
      "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range",
      "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time",
      "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes",
      "net.ipv4.tcp_rmem",
      "net.ipv4.tcp_wmem");

  /** The user id of every container that does not set its own; the image's when absent. */
  public abstract OptionalLong runAsUser();

  /** The primary group id of every container that does not set its own. */
  public abstract OptionalLong runAsGroup();

  /** The group that owns mounted volumes (and is added to every container's groups). */
  public abstract OptionalLong fsGroup();

  /** Extra groups of every container's first process. */
  public abstract List<Long> supplementalGroups();

  /** A seccomp profile on the node instead of RuntimeDefault (relative to the kubelet's seccomp root). */
  public abstract Optional<String> seccompLocalhostProfile();

  /** An AppArmor profile loaded on the node; the runtime's default when absent. */
  public abstract Optional<String> appArmorLocalhostProfile();

  /** Namespaced kernel parameters, in order. Outside {@link #SAFE_SYSCTLS} they need an opt-out. */
  public abstract Map<String, String> sysctls();

  /** The pod's opt-outs of restricted, in order; each recorded in the pod template's annotations. */
  public abstract List<PodOptOut> optOuts();

  /** A builder starting from the restricted defaults. */
  public static Builder restricted() {
    return new Builder();
  }

  /** The restricted defaults, as a value. */
  public static PodSecurity defaults() {
    return RESTRICTED;
  }

  /** The opt-out of {@code kind}, if given. */
  public Optional<PodOptOut> optOut(PodOptOut.Kind kind) {
    return optOuts().stream().filter(o -> o.kind() == kind).findFirst();
  }

  /** Whether an opt-out of {@code kind} is given. */
  public boolean hasOptOut(PodOptOut.Kind kind) {
    return optOut(kind).isPresent();
  }

  /** Whether containers may run as root (no pod-level {@code runAsNonRoot: true}). */
  public boolean allowsRoot() {
    return hasOptOut(PodOptOut.Kind.RUN_AS_ROOT);
  }

  /** Whether the pod uses the node's network ({@code hostNetwork}). */
  public boolean usesHostNetwork() {
    return hasOptOut(PodOptOut.Kind.HOST_NETWORK);
  }

  /** Whether hostPath volumes are allowed. */
  public boolean allowsHostPath() {
    return hasOptOut(PodOptOut.Kind.HOST_PATH);
  }

  /** The client-java security context. A fresh object each call. */
  public V1PodSecurityContext toV1PodSecurityContext() {
    V1PodSecurityContext rendered = new V1PodSecurityContext()
        .supplementalGroups(supplementalGroups().isEmpty() ? null : new ArrayList<>(supplementalGroups()))
        .sysctls(null);
    if (!allowsRoot()) {
      rendered.setRunAsNonRoot(true);
    }
    runAsUser().ifPresent(rendered::setRunAsUser);
    runAsGroup().ifPresent(rendered::setRunAsGroup);
    fsGroup().ifPresent(rendered::setFsGroup);
    if (hasOptOut(PodOptOut.Kind.SECCOMP_UNCONFINED)) {
      rendered.setSeccompProfile(new V1SeccompProfile().type("Unconfined"));
    } else {
      rendered.setSeccompProfile(seccompLocalhostProfile()
          .map(profile -> new V1SeccompProfile().type("Localhost").localhostProfile(profile))
          .orElseGet(() -> new V1SeccompProfile().type("RuntimeDefault")));
    }
    if (hasOptOut(PodOptOut.Kind.APPARMOR_UNCONFINED)) {
      rendered.setAppArmorProfile(new V1AppArmorProfile().type("Unconfined"));
    } else {
      appArmorLocalhostProfile().ifPresent(profile ->
          rendered.setAppArmorProfile(new V1AppArmorProfile().type("Localhost").localhostProfile(profile)));
    }
    if (!sysctls().isEmpty()) {
      List<V1Sysctl> sysctls = new ArrayList<>();
      sysctls().forEach((name, value) -> sysctls.add(new V1Sysctl().name(name).value(value)));
      rendered.setSysctls(sysctls);
    }
    return rendered;
  }

  /** Sets {@code securityContext} and, when opted out, {@code hostNetwork}, {@code hostPID}, {@code hostIPC}. */
  public void applyTo(V1PodSpec spec) {
    spec.setSecurityContext(toV1PodSecurityContext());
    if (usesHostNetwork()) {
      spec.setHostNetwork(true);
    }
    if (hasOptOut(PodOptOut.Kind.HOST_PID)) {
      spec.setHostPID(true);
    }
    if (hasOptOut(PodOptOut.Kind.HOST_IPC)) {
      spec.setHostIPC(true);
    }
  }

  /**
   * Checks ids, sysctls, profiles and opt-outs; {@code v} is positioned at the pod spec
   * ({@code spec.template.spec}), so problems land on {@code securityContext.runAsUser},
   * {@code hostNetwork}, ...
   */
  public void validate(Validation v) {
    Validation context = v.field("securityContext");
    runAsUser().ifPresent(uid -> {
      Validation field = context.field("runAsUser");
      if (field.checkRange(uid, 0, MAX_ID) && uid == 0) {
        field.check(allowsRoot(), "must not be 0 (root) while the pod requires runAsNonRoot: choose a"
            + " non-zero uid or opt out with PodOptOut.runAsRoot(reason)");
      }
    });
    runAsGroup().ifPresent(gid -> context.field("runAsGroup").checkRange(gid, 0, MAX_ID));
    fsGroup().ifPresent(gid -> context.field("fsGroup").checkRange(gid, 0, MAX_ID));
    for (int i = 0; i < supplementalGroups().size(); i++) {
      context.field("supplementalGroups").index(i).checkRange(supplementalGroups().get(i), 0, MAX_ID);
    }
    sysctls().keySet().forEach(name -> {
      Validation field = context.field("sysctls").key(name);
      if (field.check(name.length() <= 253 && SYSCTL_NAME.matcher(name).matches(),
          "must be a sysctl name such as net.ipv4.tcp_syncookies (at most 253 lowercase letters,"
              + " digits, '-', '_', '.' or '/'), was '%s'", name)) {
        field.check(SAFE_SYSCTLS.contains(name) || hasOptOut(PodOptOut.Kind.UNSAFE_SYSCTLS),
            "is not among the sysctls Pod Security baseline allows: opt out with"
                + " PodOptOut.unsafeSysctls(reason) (and allow it on the kubelet)");
      }
    });
    seccompLocalhostProfile().ifPresent(profile -> {
      Validation field = context.field("seccompProfile").field("localhostProfile");
      OptOuts.checkLocalhostProfile(field, profile);
      field.check(!hasOptOut(PodOptOut.Kind.SECCOMP_UNCONFINED),
          "must not be set together with the seccompUnconfined opt-out");
    });
    appArmorLocalhostProfile().ifPresent(profile -> {
      Validation field = context.field("appArmorProfile").field("localhostProfile");
      OptOuts.checkLocalhostProfile(field, profile);
      field.check(!hasOptOut(PodOptOut.Kind.APPARMOR_UNCONFINED),
          "must not be set together with the appArmorUnconfined opt-out");
    });
    Set<PodOptOut.Kind> seen = EnumSet.noneOf(PodOptOut.Kind.class);
    for (PodOptOut optOut : optOuts()) {
      OptOuts.check(optOut.kind().at(v), optOut.kind().label(), optOut.reason(), seen.add(optOut.kind()));
    }
  }

  /** Builds a {@link PodSecurity} from the restricted defaults. */
  public static final class Builder extends ImmutablePodSecurity.Builder {
    Builder() {}

    /** Adds the sysctl {@code name=value}. */
    public Builder sysctl(String name, String value) {
      return putSysctl(name, value);
    }

    /** Steps away from restricted, with a reason recorded in the pod template's annotations. */
    public Builder optOut(PodOptOut optOut) {
      return addOptOut(optOut);
    }
  }
}
