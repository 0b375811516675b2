package dev.mizzen.dsl.security;

import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1Sysctl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
  private static final PodSecurity RESTRICTED = restricted().build();

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

  /** Builds a {@link PodSecurity} from the restricted defaults. */
  public static final class Builder extends ImmutablePodSecurity.Builder {
    Builder() {}
  }
}
