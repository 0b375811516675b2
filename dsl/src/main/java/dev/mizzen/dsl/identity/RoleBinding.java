package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A RoleBinding: grants a Role (or a ClusterRole, limited to this namespace) to subjects.
 *
 * <pre>{@code
 * RoleBinding binding = RoleBinding.named("web-config-reader")
 *     .role(reader)                 // a Role value, or role("name")
 *     .serviceAccount("web")
 *     .build();
 * }</pre>
 *
 * <p>A ServiceAccount subject without a namespace of its own renders with the binding's
 * namespace (its own or the render context's), so the output says exactly whom it grants.
 */
@Value.Immutable
public abstract class RoleBinding implements KubernetesResource {

  /** Starts a RoleBinding named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The role granted (required). */
  public abstract Optional<RoleRef> roleRef();

  /** Who gets it (at least one). */
  public abstract List<Subject> subjects();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1RoleBinding>> customizers();

  @Override
  public final String apiVersion() {
    return "rbac.authorization.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "RoleBinding";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    Validation roleRef = v.field("roleRef");
    if (roleRef.check(roleRef().isPresent(), "is required: call role(..) or clusterRole(..)")) {
      roleRef().get().validate(roleRef);
    }
    v.field("subjects").check(!subjects().isEmpty(), "must have at least one subject");
    for (int i = 0; i < subjects().size(); i++) {
      subjects().get(i).validate(v.field("subjects").index(i), false);
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1RoleBinding render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1RoleBinding render(RenderContext context) {
    V1RoleBinding rendered = new V1RoleBinding()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.render(this, context));
    roleRef().ifPresent(ref -> rendered.setRoleRef(ref.toV1RoleRef()));
    Optional<String> namespace = namespace().or(context::namespace);
    List<RbacV1Subject> subjects = new ArrayList<>();
    subjects().forEach(subject -> subjects.add(subject.toRbacV1Subject(namespace)));
    if (!subjects.isEmpty()) {
      rendered.setSubjects(subjects);
    }
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link RoleBinding}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableRoleBinding.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Grants {@code role}. */
    public Builder role(Role role) {
      return roleRef(RoleRef.role(role));
    }

    /** Grants the Role named {@code name}. */
    public Builder role(String name) {
      return roleRef(RoleRef.role(name));
    }

    /** Grants {@code clusterRole}'s permissions in this binding's namespace. */
    public Builder clusterRole(ClusterRole clusterRole) {
      return roleRef(RoleRef.clusterRole(clusterRole));
    }

    /** Grants the ClusterRole named {@code name} ({@code view}, {@code edit}) in this namespace. */
    public Builder clusterRole(String name) {
      return roleRef(RoleRef.clusterRole(name));
    }

    /** Grants the role to the ServiceAccount named {@code name} of this namespace. */
    public Builder serviceAccount(String name) {
      return subject(Subject.serviceAccount(name));
    }

    /** Grants the role to {@code account}. */
    public Builder serviceAccount(ServiceAccount account) {
      return subject(Subject.serviceAccount(account));
    }

    /** Grants the role to the user named {@code name}. */
    public Builder user(String name) {
      return subject(Subject.user(name));
    }

    /** Grants the role to the group named {@code name}. */
    public Builder group(String name) {
      return subject(Subject.group(name));
    }
  }
}
