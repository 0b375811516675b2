package dev.mizzen.dsl.identity;

import dev.mizzen.dsl.internal.Metadata;
import dev.mizzen.dsl.meta.KubernetesResource;
import dev.mizzen.dsl.meta.RenderContext;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A ClusterRoleBinding (cluster-scoped): grants a ClusterRole in every namespace.
 *
 * <pre>{@code
 * ClusterRoleBinding binding = ClusterRoleBinding.named("shop-viewers")
 *     .clusterRole("view")
 *     .serviceAccount("dashboard", "monitoring")
 *     .build();
 * }</pre>
 *
 * <p>A ServiceAccount subject must name its namespace.
 */
@Value.Immutable
public abstract class ClusterRoleBinding implements KubernetesResource {

  /** Starts a ClusterRoleBinding named {@code name} (a DNS-1123 subdomain). */
  public static Builder named(String name) {
    return new Builder().name(name);
  }

  /** The ClusterRole granted (required). */
  public abstract Optional<RoleRef> roleRef();

  /** Who gets it (at least one). */
  public abstract List<Subject> subjects();

  /**
   * Changes to the rendered object, applied last, in order: the escape hatch for what the DSL does
   * not model. {@code customize(c)} on the builder adds one.
   */
  public abstract List<Consumer<? super V1ClusterRoleBinding>> customizers();

  @Override
  public final String apiVersion() {
    return "rbac.authorization.k8s.io/v1";
  }

  @Override
  public final String kind() {
    return "ClusterRoleBinding";
  }

  @Value.Check
  protected void check() {
    Validation v = Validation.of(objectRef());
    Metadata.validate(v, this, Metadata.NameRule.DNS1123_SUBDOMAIN);
    v.field("metadata").field("namespace").check(namespace().isEmpty(),
        "must not be set: ClusterRoleBinding is cluster-scoped");
    Validation roleRef = v.field("roleRef");
    if (roleRef.check(roleRef().isPresent(), "is required: call clusterRole(..)")) {
      roleRef.field("kind").check(roleRef().get().kind() == RoleRef.Kind.CLUSTER_ROLE,
          "must be ClusterRole: a ClusterRoleBinding cannot grant a Role, was %s",
          roleRef().get().kind().value());
      roleRef().get().validate(roleRef);
    }
    v.field("subjects").check(!subjects().isEmpty(), "must have at least one subject");
    for (int i = 0; i < subjects().size(); i++) {
      subjects().get(i).validate(v.field("subjects").index(i), true);
    }
    v.throwIfInvalid();
  }

  /** Renders on its own, outside any application. */
  @Override
  public final V1ClusterRoleBinding render() {
    return render(RenderContext.standalone());
  }

  @Override
  public V1ClusterRoleBinding render(RenderContext context) {
    V1ClusterRoleBinding rendered = new V1ClusterRoleBinding()
        .apiVersion(apiVersion())
        .kind(kind())
        .metadata(Metadata.renderClusterScoped(this, context));
    roleRef().ifPresent(ref -> rendered.setRoleRef(ref.toV1RoleRef()));
    List<RbacV1Subject> subjects = new ArrayList<>();
    subjects().forEach(subject -> subjects.add(subject.toRbacV1Subject(Optional.empty())));
    if (!subjects.isEmpty()) {
      rendered.setSubjects(subjects);
    }
    customizers().forEach(customizer -> customizer.accept(rendered));
    return rendered;
  }

  /** Builds a {@link ClusterRoleBinding}; {@code build()} reports every problem at once. */
  public static final class Builder extends ImmutableClusterRoleBinding.Builder implements KubernetesResource.Buildable {
    Builder() {}

    /** Grants {@code clusterRole}. */
    public Builder clusterRole(ClusterRole clusterRole) {
      return roleRef(RoleRef.clusterRole(clusterRole));
    }

    /** Grants the ClusterRole named {@code name}. */
    public Builder clusterRole(String name) {
      return roleRef(RoleRef.clusterRole(name));
    }

    /** Grants the role to the ServiceAccount named {@code name} in {@code namespace}. */
    public Builder serviceAccount(String name, String namespace) {
      return subject(Subject.serviceAccount(name, namespace));
    }

    /** Grants the role to {@code account}, which must name its namespace. */
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
