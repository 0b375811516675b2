package dev.mizzen.dsl.security;

import java.util.List;
import org.immutables.value.Value;

/**
 * A container's step away from Pod Security "restricted", with its reason. Each factory is the
 * only way to get the relaxed setting it names, so nothing is relaxed without a recorded reason:
 *
 * <pre>{@code
 * ContainerSecurity.restricted()
 *     .optOut(ContainerOptOut.privileged("needs /dev access for the GPU driver"))
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract non-sealed class ContainerOptOut implements SecurityOptOut {

  /** What a container opt-out relaxes. */
  public enum Kind {
    /** {@code privileged: true} (and so privilege escalation). Forbidden by baseline. */
    PRIVILEGED("privileged"),
    /** {@code allowPrivilegeEscalation: true} (setuid binaries such as sudo). Forbidden by restricted. */
    PRIVILEGE_ESCALATION("allowPrivilegeEscalation"),
    /** {@code runAsNonRoot: false} for this container, so it may run as uid 0. Forbidden by restricted. */
    RUN_AS_ROOT("runAsRoot"),
    /** Adds capabilities beyond NET_BIND_SERVICE. Forbidden by restricted (most also by baseline). */
    CAPABILITIES("capabilities"),
    /** {@code seccompProfile: Unconfined}. Forbidden by baseline. */
    SECCOMP_UNCONFINED("seccompUnconfined"),
    /** {@code appArmorProfile: Unconfined}. Forbidden by baseline. */
    APPARMOR_UNCONFINED("appArmorUnconfined"),
    /** Ports with a {@code hostPort}. Forbidden by baseline. */
    HOST_PORTS("hostPorts");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name the annotation and messages use: {@code privileged}, {@code runAsRoot}. */
    public String label() {
      return label;
    }
  }

  /** What is relaxed. */
  @Value.Parameter
  public abstract Kind kind();

  @Value.Parameter
  @Override
  public abstract String reason();

  /** The capabilities added, for {@link Kind#CAPABILITIES}; empty otherwise. */
  @Value.Parameter
  public abstract List<String> capabilities();

  /** Runs the container privileged: every capability and device of the node. */
  public static ContainerOptOut privileged(String reason) {
    return ImmutableContainerOptOut.of(Kind.PRIVILEGED, reason, List.of());
  }

  /** Lets processes gain privileges (setuid binaries); renders {@code allowPrivilegeEscalation: true}. */
  public static ContainerOptOut privilegeEscalation(String reason) {
    return ImmutableContainerOptOut.of(Kind.PRIVILEGE_ESCALATION, reason, List.of());
  }

  /** Lets the container run as root; renders {@code runAsNonRoot: false}, overriding the pod's. */
  public static ContainerOptOut runAsRoot(String reason) {
    return ImmutableContainerOptOut.of(Kind.RUN_AS_ROOT, reason, List.of());
  }

  /** Adds {@code capabilities} (names without {@code CAP_}, such as {@code NET_ADMIN}). */
  public static ContainerOptOut capabilities(String reason, String... capabilities) {
    return ImmutableContainerOptOut.of(Kind.CAPABILITIES, reason, List.of(capabilities));
  }

  /** Runs without a seccomp filter; renders {@code seccompProfile: {type: Unconfined}}. */
  public static ContainerOptOut seccompUnconfined(String reason) {
    return ImmutableContainerOptOut.of(Kind.SECCOMP_UNCONFINED, reason, List.of());
  }

  /** Runs without AppArmor; renders {@code appArmorProfile: {type: Unconfined}}. */
  public static ContainerOptOut appArmorUnconfined(String reason) {
    return ImmutableContainerOptOut.of(Kind.APPARMOR_UNCONFINED, reason, List.of());
  }

  /** Allows ports with a {@code hostPort} (bound on the node's own address). */
  public static ContainerOptOut hostPorts(String reason) {
    return ImmutableContainerOptOut.of(Kind.HOST_PORTS, reason, List.of());
  }

  /** {@code privileged}, or {@code capabilities NET_ADMIN,SYS_TIME}. */
  @Override
  public String what() {
    return capabilities().isEmpty() ? kind().label() : kind().label() + " " + String.join(",", capabilities());
  }
}
