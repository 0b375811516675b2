package dev.mizzen.dsl.security;

import org.immutables.value.Value;

/**
 * A pod's step away from Pod Security "restricted", with its reason. Each factory is the only
 * way to get the relaxed setting it names:
 *
 * <pre>{@code
 * PodSecurity.restricted()
 *     .optOut(PodOptOut.hostNetwork("the CNI agent configures the node's interfaces"))
 * }</pre>
 */
@Value.Immutable(builder = false)
public abstract non-sealed class PodOptOut implements SecurityOptOut {

  /** What a pod opt-out relaxes. */
  public enum Kind {
    /** No {@code runAsNonRoot: true} at pod level, so containers may run as uid 0. Forbidden by restricted. */
    RUN_AS_ROOT("runAsRoot"),
    /** {@code seccompProfile: Unconfined} for the pod. Forbidden by baseline. */
    SECCOMP_UNCONFINED("seccompUnconfined"),
    /** {@code appArmorProfile: Unconfined} for the pod. Forbidden by baseline. */
    APPARMOR_UNCONFINED("appArmorUnconfined"),
    /** {@code hostNetwork: true}. Forbidden by baseline. */
    HOST_NETWORK("hostNetwork"),
    /** {@code hostPID: true}. Forbidden by baseline. */
    HOST_PID("hostPID"),
    /** {@code hostIPC: true}. Forbidden by baseline. */
    HOST_IPC("hostIPC"),
    /** hostPath volumes. Forbidden by baseline. */
    HOST_PATH("hostPath"),
    /** Sysctls outside Pod Security's allowed set. Forbidden by baseline. */
    UNSAFE_SYSCTLS("unsafeSysctls");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name the annotation and messages use: {@code hostNetwork}, {@code runAsRoot}. */
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

  /** Lets the pod's containers run as root: no pod-level {@code runAsNonRoot: true}. */
  public static PodOptOut runAsRoot(String reason) {
    return ImmutablePodOptOut.of(Kind.RUN_AS_ROOT, reason);
  }

  /** Runs the pod without a seccomp filter. */
  public static PodOptOut seccompUnconfined(String reason) {
    return ImmutablePodOptOut.of(Kind.SECCOMP_UNCONFINED, reason);
  }

  /** Runs the pod without AppArmor. */
  public static PodOptOut appArmorUnconfined(String reason) {
    return ImmutablePodOptOut.of(Kind.APPARMOR_UNCONFINED, reason);
  }

  /** Uses the node's network namespace ({@code hostNetwork: true}). */
  public static PodOptOut hostNetwork(String reason) {
    return ImmutablePodOptOut.of(Kind.HOST_NETWORK, reason);
  }

  /** Shares the node's process namespace ({@code hostPID: true}). */
  public static PodOptOut hostPid(String reason) {
    return ImmutablePodOptOut.of(Kind.HOST_PID, reason);
  }

  /** Shares the node's IPC namespace ({@code hostIPC: true}). */
  public static PodOptOut hostIpc(String reason) {
    return ImmutablePodOptOut.of(Kind.HOST_IPC, reason);
  }

  /** Allows hostPath volumes (files of the node). */
  public static PodOptOut hostPath(String reason) {
    return ImmutablePodOptOut.of(Kind.HOST_PATH, reason);
  }

  /** Allows sysctls beyond the ones Pod Security considers safe. */
  public static PodOptOut unsafeSysctls(String reason) {
    return ImmutablePodOptOut.of(Kind.UNSAFE_SYSCTLS, reason);
  }

  /** {@code hostNetwork}, {@code runAsRoot}, ... */
  @Override
  public String what() {
    return kind().label();
  }
}
