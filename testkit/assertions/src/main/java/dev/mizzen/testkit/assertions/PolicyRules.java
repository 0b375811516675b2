package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1PolicyRule;
import java.util.List;

/** RBAC rule evaluation with the authorizer's semantics ({@code rbac/v1/evaluation_helpers.go}). */
final class PolicyRules {
  private PolicyRules() {}

  /**
   * Whether any of {@code rules} allows {@code verb} on {@code resource} (optionally
   * {@code resource/subresource}) in {@code apiGroup} ({@code ""} is the core group), for a request
   * without a resource name: {@code *} matches every verb, group and resource, {@code *}{@code /sub}
   * every resource's subresource, and a rule listing resourceNames never matches unnamed requests.
   */
  static boolean allows(List<V1PolicyRule> rules, String verb, String apiGroup, String resource) {
    for (V1PolicyRule rule : rules == null ? List.<V1PolicyRule>of() : rules) {
      if (matches(rule.getVerbs(), verb) && matches(rule.getApiGroups(), apiGroup)
          && resourceMatches(rule.getResources(), resource)
          && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> values, String wanted) {
    return values != null && (values.contains("*") || values.contains(wanted));
  }

  private static boolean resourceMatches(List<String> resources, String wanted) {
    if (resources == null) {
      return false;
    }
    int slash = wanted.indexOf('/');
    String subresource = slash < 0 ? "" : wanted.substring(slash + 1);
    for (String resource : resources) {
      if (resource.equals("*") || resource.equals(wanted)) {
        return true;
      }
      if (!subresource.isEmpty() && resource.equals("*/" + subresource)) {
        return true;
      }
    }
    return false;
  }

  /** {@code "get" on configmaps (core group)} or {@code "get" on apps/deployments}. */
  static String describe(String verb, String apiGroup, String resource) {
    return quote(verb) + " on " + (apiGroup.isEmpty() ? resource + " (core group)" : apiGroup + "/" + resource);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
