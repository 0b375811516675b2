package dev.mizzen.dsl.identity;

import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * One permission of a Role or ClusterRole: verbs on resources of API groups (optionally only
 * some named objects), or verbs on non-resource URLs (ClusterRoles only).
 *
 * <pre>{@code
 * PolicyRule.core("configmaps").verbs(Verb.GET, Verb.LIST, Verb.WATCH);
 * PolicyRule.group("apps", "deployments", "deployments/scale").verbs(Verb.GET, Verb.PATCH);
 * PolicyRule.core("secrets").resourceNames("api-credentials").verbs(Verb.GET);
 * PolicyRule.urls("/healthz", "/metrics").verbs("get");
 * }</pre>
 */
@Value.Immutable
public abstract class PolicyRule {
  private static final Pattern VERB = Pattern.compile("\\*|[a-z]+");
  private static final String SEGMENT = "(\\*|[a-z][-a-z0-9.]*)";
  private static final Pattern RESOURCE = Pattern.compile(SEGMENT + "(/" + SEGMENT + ")?");

  /** {@code resources} of the core API group ({@code ""}: pods, configmaps, secrets, services, ...). */
  public static Builder core(String... resources) {
    return new Builder().apiGroup("").resources(resources);
  }

  /** {@code resources} of API group {@code apiGroup} ({@code apps}, {@code batch}, {@code *} for all). */
  public static Builder group(String apiGroup, String... resources) {
    return new Builder().apiGroup(apiGroup).resources(resources);
  }

  /** Non-resource URL paths ({@code /healthz}, {@code /metrics}, {@code /api/*}); ClusterRoles only. */
  public static Builder urls(String... paths) {
    return new Builder().nonResourceUrls(paths);
  }

  /** The API groups ({@code ""} is the core group). */
  public abstract List<String> apiGroups();

  /** The resources ({@code configmaps}, {@code deployments/scale}, {@code *}). */
  public abstract List<String> resources();

  /** Object names the rule is limited to; empty means all. */
  public abstract List<String> resourceNames();

  /** Non-resource URL paths. */
  public abstract List<String> nonResourceUrls();

  /**
   * The verbs granted ({@code get}, {@code list}, ..., {@code *}); given as strings for verbs that
   * {@link Verb} lacks ({@code use}, {@code approve}, ...).
   */
  public abstract List<String> verbs();

  /** The client-java model. */
  public final V1PolicyRule toV1PolicyRule() {
    V1PolicyRule rendered = new V1PolicyRule();
    if (!apiGroups().isEmpty()) {
      rendered.setApiGroups(new ArrayList<>(apiGroups()));
    }
    if (!resources().isEmpty()) {
      rendered.setResources(new ArrayList<>(resources()));
    }
    if (!resourceNames().isEmpty()) {
      rendered.setResourceNames(new ArrayList<>(resourceNames()));
    }
    if (!nonResourceUrls().isEmpty()) {
      rendered.setNonResourceURLs(new ArrayList<>(nonResourceUrls()));
    }
    rendered.setVerbs(new ArrayList<>(verbs()));
    return rendered;
  }

  /**
   * Checks the rule as {@code ValidatePolicyRule} does; {@code v} is at the rule
   * ({@code rules[0]}) and {@code namespaced} says whether it belongs to a Role.
   */
  final void validate(Validation v, boolean namespaced) {
    Validation verbs = v.field("verbs");
    verbs.check(!verbs().isEmpty(), "must contain at least one verb");
    for (int i = 0; i < verbs().size(); i++) {
      verbs.index(i).check(VERB.matcher(verbs().get(i)).matches(),
          "must be '*' or lowercase letters (as get, list, watch), was '%s'", verbs().get(i));
    }
    if (!nonResourceUrls().isEmpty()) {
      Validation urls = v.field("nonResourceURLs");
      urls.check(!namespaced, "a Role cannot grant non-resource URLs; use a ClusterRole");
      urls.check(apiGroups().isEmpty() && resources().isEmpty() && resourceNames().isEmpty(),
          "a rule cannot apply to both resources and non-resource URLs; split it in two");
      for (int i = 0; i < nonResourceUrls().size(); i++) {
        String url = nonResourceUrls().get(i);
        int star = url.indexOf('*');
        urls.index(i).check(url.startsWith("/") && (star < 0 || star == url.length() - 1),
            "must start with '/' and have '*' only at the end, was '%s'", url);
      }
      return;
    }
    Validation groups = v.field("apiGroups");
    groups.check(!apiGroups().isEmpty(), "a resource rule must name at least one API group");
    for (int i = 0; i < apiGroups().size(); i++) {
      String group = apiGroups().get(i);
      groups.index(i).check(group.isEmpty() || group.equals("*") || Names.isDns1123Subdomain(group),
          "must be \"\" (core), '*' or a DNS subdomain (as apps), was '%s'", group);
    }
    Validation resources = v.field("resources");
    resources.check(!resources().isEmpty(), "a resource rule must name at least one resource");
    for (int i = 0; i < resources().size(); i++) {
      resources.index(i).check(RESOURCE.matcher(resources().get(i)).matches(),
          "must be a lowercase resource, optionally with '/subresource' (as deployments/scale),"
              + " or '*', was '%s'", resources().get(i));
    }
    for (int i = 0; i < resourceNames().size(); i++) {
      v.field("resourceNames").index(i).check(!resourceNames().get(i).isEmpty(), "must not be empty");
    }
  }

  /** Builds a {@link PolicyRule}. */
  public static final class Builder extends ImmutablePolicyRule.Builder {
    Builder() {}

    /** Grants {@code verbs}. */
    public Builder verbs(Verb... verbs) {
      for (Verb verb : verbs) {
        verb(verb.value());
      }
      return this;
    }
  }
}
