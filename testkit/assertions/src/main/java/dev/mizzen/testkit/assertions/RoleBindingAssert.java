package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1RoleBinding;

/** Assertions on a RoleBinding: the role it grants and to whom. */
public class RoleBindingAssert extends AbstractKubernetesObjectAssert<RoleBindingAssert, V1RoleBinding> {

  /** An assert on {@code actual}. */
  public RoleBindingAssert(V1RoleBinding actual) {
    super(actual, RoleBindingAssert.class);
  }

  /** Asserts the binding grants the Role {@code name} (of its own namespace). */
  public RoleBindingAssert bindsRole(String name) {
    requireActual();
    Bindings.checkRoleRef(this, actual.getRoleRef(), "Role", name);
    return myself;
  }

  /** Asserts the binding grants the ClusterRole {@code name}, within its namespace. */
  public RoleBindingAssert bindsClusterRole(String name) {
    requireActual();
    Bindings.checkRoleRef(this, actual.getRoleRef(), "ClusterRole", name);
    return myself;
  }

  /**
   * Asserts a subject of kind {@code kind} ({@code ServiceAccount}, {@code User}, {@code Group}) named
   * {@code name}.
   */
  public RoleBindingAssert hasSubject(String kind, String name) {
    requireActual();
    Bindings.checkSubject(this, actual.getSubjects(), kind, name);
    return myself;
  }
}
