package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1ServiceAccount;

/** Assertions on a ServiceAccount. */
public class ServiceAccountAssert extends AbstractKubernetesObjectAssert<ServiceAccountAssert, V1ServiceAccount> {

  /** An assert on {@code actual}. */
  public ServiceAccountAssert(V1ServiceAccount actual) {
    super(actual, ServiceAccountAssert.class);
  }

  /** Asserts {@code automountServiceAccountToken: false}: pods using it get no token unless they ask. */
  public ServiceAccountAssert doesNotMountToken() {
    requireActual();
    Boolean automount = actual.getAutomountServiceAccountToken();
    if (!Boolean.FALSE.equals(automount)) {
      failAt(location().field("automountServiceAccountToken"), "expected false, but was "
          + (automount == null ? "unset (tokens are mounted by default)" : "true"));
    }
    return myself;
  }
}
