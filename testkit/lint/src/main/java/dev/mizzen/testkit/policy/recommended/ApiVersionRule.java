package dev.mizzen.testkit.policy.recommended;

import dev.mizzen.testkit.policy.Rule;
import dev.mizzen.testkit.policy.RuleContext;
import dev.mizzen.testkit.policy.Severity;

/**
 * {@code removed-api} and {@code deprecated-api}: objects use API versions the Kubernetes 1.33
 * API server still serves, and preferably ones not deprecated (see {@link ApiLifecycle}).
 */
final class ApiVersionRule extends Rule {
  private final boolean removed;

  private ApiVersionRule(boolean removed, String id, Severity severity, String rationale, String fix) {
    super(id, severity, rationale, fix);
    this.removed = removed;
  }

  static ApiVersionRule removed() {
    return new ApiVersionRule(true, "removed-api", Severity.ERROR,
        "An API version Kubernetes 1.33 no longer serves cannot be applied at all.",
        "Move the object to the replacement API version (kubectl convert helps), adjusting changed fields.");
  }

  static ApiVersionRule deprecated() {
    return new ApiVersionRule(false, "deprecated-api", Severity.WARNING,
        "A deprecated API version still works but will be removed in a coming Kubernetes release.",
        "Move the object to the replacement API version before the release that removes it.");
  }

  @Override
  public void check(RuleContext context) {
    ApiLifecycle.Entry entry = ApiLifecycle.of(context.object().getApiVersion(), context.kind());
    if (entry == null || (removed ? !entry.isRemoved() : !entry.isDeprecated())) {
      return;
    }
    String replacement = entry.replacement == null ? "" : "; use " + entry.replacement;
    if (removed) {
      context.report("apiVersion", entry.apiVersion + " " + entry.kind + " was removed in Kubernetes 1." + entry.removedIn
          + " (deprecated since 1." + entry.deprecatedIn + ")" + replacement);
    } else {
      context.report("apiVersion", entry.apiVersion + " " + entry.kind + " is deprecated since Kubernetes 1."
          + entry.deprecatedIn + " and will be removed in 1." + entry.removedIn + replacement);
    }
  }
}
