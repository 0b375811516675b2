package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A ClusterRole ({@code rbac.authorization.k8s.io/v1}, cluster-scoped): permissions that a
 * ClusterRoleBinding grants in every namespace, or a RoleBinding grants in its own; it may also
 * grant non-resource URLs.
 *
 * <pre>{@code
 * ClusterRole reader = ClusterRole.named("pod-reader")
 *     .rule(PolicyRule.core("pods").verbs(Verb.read()))
 *     .rule(PolicyRule.urls("/healthz").verbs("get"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ClusterRole implements KubernetesResource {

  /** Starts a ClusterRole named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The permissions, in order. */
  public abstract List<PolicyRule> rules();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1ClusterRole>> customizers();

  @Override
  public final String apiVersion() {
    return "rbac.authorization.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "ClusterRole";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    v.field("metadata").field("namespace").check(namespace().isEmpty(),
        "must not be set: ClusterRole is cluster-scoped");
    for (int i = 0; i < rules().size(); i++) {
      rules().get(i).validate(v.field("rules").index(i), false);
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1ClusterRole render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1ClusterRole render(RenderContext context) {
    V1ClusterRole rendered = new V1ClusterRole()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.renderClusterScoped(this, context));
    if (!rules().isEmpty()) {
      List<V1PolicyRule> rules = new ArrayList<>();
      rules().forEach(rule -> rules.add(rule.toV1PolicyRule()));
      rendered.setRules(rules);
    }
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link ClusterRole}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableClusterRole.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Adds the rule {@code rule} builds. */
    public Builder rule(PolicyRule.Builder rule) {
      return rule(rule.build());
    }
  }
}
