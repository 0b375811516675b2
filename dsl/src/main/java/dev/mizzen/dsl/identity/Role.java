package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Role ({@code rbac.authorization.k8s.io/v1}): permissions inside one namespace.
 *
 * <pre>{@code
 * Role reader = Role.named("web-config-reader")
 *     .rule(PolicyRule.core("configmaps").verbs(Verb.GET, Verb.LIST, Verb.WATCH))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Role implements KubernetesResource {

  /** Starts a Role named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The permissions, in order. */
  public abstract List<PolicyRule> rules();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1Role>> customizers();

  @Override
  public final String apiVersion() {
    return "rbac.authorization.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "Role";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    for (int i = 0; i < rules().size(); i++) {
      rules().get(i).validate(v.field("rules").index(i), true);
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1Role render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1Role render(RenderContext context) {
    V1Role rendered = new V1Role()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context));
    if (!rules().isEmpty()) {
      List<V1PolicyRule> rules = new ArrayList<>();
      rules().forEach(rule -> rules.add(rule.toV1PolicyRule()));
      rendered.setRules(rules);
    }
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link Role}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableRole.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Adds the rule {@code rule} builds. */
    public Builder rule(PolicyRule.Builder rule) {
      return rule(rule.build());
    }
  }
}
