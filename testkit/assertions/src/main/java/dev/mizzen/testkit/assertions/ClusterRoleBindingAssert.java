package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;

/** Assertions on a ClusterRoleBinding: the ClusterRole it grants cluster-wide, and to whom. */
public class ClusterRoleBindingAssert
    extends AbstractKubernetesObjectAssert<ClusterRoleBindingAssert, V1ClusterRoleBinding> {

  /** An assert on {@code actual}. */
  public ClusterRoleBindingAssert(V1ClusterRoleBinding actual) {
    super(actual, ClusterRoleBindingAssert.class);
  }

  /** Asserts the binding grants the ClusterRole {@code name}. */
  public ClusterRoleBindingAssert bindsClusterRole(String name) {
    requireActual();
    Bindings.checkRoleRef(this, actual.getRoleRef(), "ClusterRole", name);
    return myself;
  }

  /**
   * Asserts a subject of kind {@code kind} ({@code ServiceAccount}, {@code User}, {@code Group}) named
   * {@code name}.
   */
  public ClusterRoleBindingAssert hasSubject(String kind, String name) {
    requireActual();
    Bindings.checkSubject(this, actual.getSubjects(), kind, name);
    return myself;
  }
}
