package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Role;

/** Assertions on a Role: what its rules allow, evaluated as the RBAC authorizer does. */
public class RoleAssert extends AbstractKubernetesObjectAssert<RoleAssert, V1Role> {

  /** An assert on {@code actual}. */
  public RoleAssert(V1Role actual) {
    super(actual, RoleAssert.class);
  }

  /** Asserts a rule allows {@code verb} on the core-group {@code resource} ({@code configmaps}, {@code pods/log}). */
  public RoleAssert allows(String verb, String resource) {
    return allows(verb, "", resource);
  }

  /** Asserts a rule allows {@code verb} on {@code resource} of {@code apiGroup} ({@code ""} for the core group). */
  public RoleAssert allows(String verb, String apiGroup, String resource) {
    requireActual();
    if (!PolicyRules.allows(actual.getRules(), verb, apiGroup, resource)) {
      failAt(location().field("rules"), "expected to allow " + PolicyRules.describe(verb, apiGroup, resource)
          + ", but no rule does");
    }
    return myself;
  }

  /** Asserts no rule allows {@code verb} on the core-group {@code resource}. */
  public RoleAssert doesNotAllow(String verb, String resource) {
    return doesNotAllow(verb, "", resource);
  }

  /** Asserts no rule allows {@code verb} on {@code resource} of {@code apiGroup}. */
  public RoleAssert doesNotAllow(String verb, String apiGroup, String resource) {
    requireActual();
    if (PolicyRules.allows(actual.getRules(), verb, apiGroup, resource)) {
      failAt(location().field("rules"), "expected not to allow " + PolicyRules.describe(verb, apiGroup, resource)
          + ", but a rule does");
    }
    return myself;
  }
}
