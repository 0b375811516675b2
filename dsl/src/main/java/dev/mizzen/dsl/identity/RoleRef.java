package dev.mizzen.dsl.identity;

import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1RoleRef;
import org.immutables.value.Value;

/** The Role or ClusterRole a binding grants, by name. */
@Value.Immutable
public abstract class RoleRef {
  /** The API group of every role kind. */
  public static final String API_GROUP = "rbac.authorization.k8s.io";

  /** Which kind of role. */
  public enum Kind {
    ROLE("Role"),
    CLUSTER_ROLE("ClusterRole");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /** The Role named {@code name}, in the binding's namespace. */
  public static RoleRef role(String name) {
    return ImmutableRoleRef.builder().kind(Kind.ROLE).name(name).build();
  }

  /** {@code role}. */
  public static RoleRef role(Role role) {
    return role(role.name());
  }

  /** The ClusterRole named {@code name} ({@code view}, {@code edit}, {@code system:...}). */
  public static RoleRef clusterRole(String name) {
    return ImmutableRoleRef.builder().kind(Kind.CLUSTER_ROLE).name(name).build();
  }

  /** {@code clusterRole}. */
  public static RoleRef clusterRole(ClusterRole clusterRole) {
    return clusterRole(clusterRole.name());
  }

  /** Role or ClusterRole. */
  public abstract Kind kind();

  /** The role's name. */
  public abstract String name();

  /** The client-java model. */
  public final V1RoleRef toV1RoleRef() {
    return new V1RoleRef().apiGroup(API_GROUP).kind(kind().value()).name(name());
  }

  /**
   * Checks the name as the API server does for RBAC names (a path segment: not empty, not
   * {@code .} or {@code ..}, no {@code /} or {@code %}); {@code v} is at {@code roleRef}.
   */
  final void validate(Validation v) {
    RbacNames.checkPathSegment(v.field("name"), name());
  }
}
