package dev.mizzen.dsl.security;

import io.kubernetes.client.openapi.models.V1AppArmorProfile;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A container's security context. The default ({@link #restricted()}) renders exactly what Pod
 * Security "restricted" asks of a container:
 *
 * <pre>{@code
 * securityContext:
 *   allowPrivilegeEscalation: false
 *   capabilities:
 *     drop: [ALL]
 * }</pre>
 *
 * <p>{@code runAsNonRoot: true} and {@code seccompProfile: RuntimeDefault} come from the pod
 * ({@link PodSecurity}). No user id is invented: set {@link #runAsUser()} or let the image's
 * numeric {@code USER} apply. Stricter settings are plain attributes; anything less strict is
 * only available as a {@link ContainerOptOut} with a reason.
 *
 * <pre>{@code
 * ContainerSecurity.restricted().runAsUser(10001).readOnlyRootFilesystem(true)
 * ContainerSecurity.restricted().optOut(ContainerOptOut.privileged("needs /dev access for the GPU driver"))
 * }</pre>
 */
@Value.Immutable
public abstract class ContainerSecurity {
  private static final ContainerSecurity RESTRICTED = restricted().build();

  /** The user id the container runs as; the pod's or the image's when absent. */
  public abstract OptionalLong runAsUser();

  /** The primary group id; the pod's or the image's when absent. */
  public abstract OptionalLong runAsGroup();

  /** Whether the root filesystem is mounted read-only; false (writable) by default. */
  @Value.Default
  public boolean readOnlyRootFilesystem() {
    return false;
  }

  /**
   * Capabilities added after dropping ALL. Restricted allows only {@code NET_BIND_SERVICE};
   * anything else needs {@link ContainerOptOut#capabilities}.
   */
  public abstract List<String> capabilities();

  /** A seccomp profile on the node (relative to the kubelet's seccomp root); RuntimeDefault from the pod when absent. */
  public abstract Optional<String> seccompLocalhostProfile();

  /** An AppArmor profile loaded on the node; the runtime's default when absent. */
  public abstract Optional<String> appArmorLocalhostProfile();

  /** The container's opt-outs of restricted, in order; each recorded in the pod template's annotations. */
  public abstract List<ContainerOptOut> optOuts();

  /** A builder starting from the restricted defaults. */
  public static Builder restricted() {
    return new Builder();
  }

  /** The restricted defaults, as a value. */
  public static ContainerSecurity defaults() {
    return RESTRICTED;
  }

  /** The opt-out of {@code kind}, if given. */
  public Optional<ContainerOptOut> optOut(ContainerOptOut.Kind kind) {
    return optOuts().stream().filter(o -> o.kind() == kind).findFirst();
  }

  /** Whether an opt-out of {@code kind} is given. */
  public boolean hasOptOut(ContainerOptOut.Kind kind) {
    return optOut(kind).isPresent();
  }

  /** Whether the container runs privileged. */
  public boolean isPrivileged() {
    return hasOptOut(ContainerOptOut.Kind.PRIVILEGED);
  }

  /** Whether processes may gain privileges ({@code allowPrivilegeEscalation}). */
  public boolean allowsPrivilegeEscalation() {
    return isPrivileged() || hasOptOut(ContainerOptOut.Kind.PRIVILEGE_ESCALATION);
  }

  /** Every capability added: {@link #capabilities()}, then those of a capabilities opt-out. */
  public List<String> addedCapabilities() {
    Set<String> added = new LinkedHashSet<>(capabilities());
    optOut(ContainerOptOut.Kind.CAPABILITIES).ifPresent(o -> added.addAll(o.capabilities()));
    return List.copyOf(added);
  }

  /** The client-java model. A fresh object each call. */
  public V1SecurityContext toV1SecurityContext() {
    V1SecurityContext rendered = new V1SecurityContext().allowPrivilegeEscalation(allowsPrivilegeEscalation());
    if (isPrivileged()) {
      rendered.setPrivileged(true);
    }
    List<String> added = addedCapabilities();
    rendered.setCapabilities(new V1Capabilities()
        .add(added.isEmpty() ? null : new ArrayList<>(added))
        .drop(new ArrayList<>(List.of("ALL"))));
    if (readOnlyRootFilesystem()) {
      rendered.setReadOnlyRootFilesystem(true);
    }
    runAsUser().ifPresent(rendered::setRunAsUser);
    runAsGroup().ifPresent(rendered::setRunAsGroup);
    if (hasOptOut(ContainerOptOut.Kind.RUN_AS_ROOT)) {
      rendered.setRunAsNonRoot(false);
    }
    if (hasOptOut(ContainerOptOut.Kind.SECCOMP_UNCONFINED)) {
      rendered.setSeccompProfile(new V1SeccompProfile().type("Unconfined"));
    } else {
      seccompLocalhostProfile().ifPresent(profile ->
          rendered.setSeccompProfile(new V1SeccompProfile().type("Localhost").localhostProfile(profile)));
    }
    if (hasOptOut(ContainerOptOut.Kind.APPARMOR_UNCONFINED)) {
      rendered.setAppArmorProfile(new V1AppArmorProfile().type("Unconfined"));
    } else {
      appArmorLocalhostProfile().ifPresent(profile ->
          rendered.setAppArmorProfile(new V1AppArmorProfile().type("Localhost").localhostProfile(profile)));
    }
    return rendered;
  }

  /** Builds a {@link ContainerSecurity} from the restricted defaults. */
  public static final class Builder extends ImmutableContainerSecurity.Builder {
    Builder() {}

    /** Adds {@code NET_BIND_SERVICE}, to listen on ports below 1024 as non-root (restricted allows it). */
    public Builder bindPrivilegedPorts() {
      return capability(Capabilities.NET_BIND_SERVICE);
    }
  }
}
