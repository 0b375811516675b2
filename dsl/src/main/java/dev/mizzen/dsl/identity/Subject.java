package dev.mizzen.dsl.identity;

import dev.mizzen.validation.internal.Names;
import dev.mizzen.validation.internal.Validation;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import java.util.Optional;
import org.immutables.value.Value;

/** Who a RoleBinding or ClusterRoleBinding grants its role to: a ServiceAccount, a user or a group. */
@Value.Immutable
public abstract class Subject {

  /** The kinds of subject. */
  public enum Kind {
    SERVICE_ACCOUNT("ServiceAccount"),
    USER("User"),
    GROUP("Group");

    private final String value;

    Kind(String value) {
      this.value = value;
    }

    /** The name Kubernetes uses. */
    public String value() {
      return value;
    }
  }

  /**
   * The ServiceAccount named {@code name}; in a RoleBinding, of the binding's namespace (a
   * ClusterRoleBinding needs {@link #serviceAccount(String, String)}).
   */
  public static Subject serviceAccount(String name) {
    return ImmutableSubject.builder().kind(Kind.SERVICE_ACCOUNT).name(name).build();
  }

  /** The ServiceAccount named {@code name} in {@code namespace}. */
  public static Subject serviceAccount(String name, String namespace) {
    return ImmutableSubject.builder().kind(Kind.SERVICE_ACCOUNT).name(name).namespace(namespace).build();
  }

  /** {@code account}, in its own namespace if it names one. */
  public static Subject serviceAccount(ServiceAccount account) {
    return ImmutableSubject.builder()
        .kind(Kind.SERVICE_ACCOUNT).name(account.name()).namespace(account.namespace()).build();
  }

  /** The user named {@code name}, as the authenticator reports it. */
  public static Subject user(String name) {
    return ImmutableSubject.builder().kind(Kind.USER).name(name).build();
  }

  /** The group named {@code name} ({@code system:authenticated}, ...). */
  public static Subject group(String name) {
    return ImmutableSubject.builder().kind(Kind.GROUP).name(name).build();
  }

  /** ServiceAccount, User or Group. */
  public abstract Kind kind();

  /** The subject's name. */
  public abstract String name();

  /** A ServiceAccount's namespace; absent means the binding's. */
  public abstract Optional<String> namespace();

  /**
   * The client-java model. A ServiceAccount without a namespace of its own gets
   * {@code bindingNamespace} when known; users and groups get the RBAC API group.
   */
  final RbacV1Subject toRbacV1Subject(Optional<String> bindingNamespace) {
    RbacV1Subject rendered = new RbacV1Subject().kind(kind().value()).name(name());
    if (kind() == Kind.SERVICE_ACCOUNT) {
      namespace().or(() -> bindingNamespace).ifPresent(rendered::setNamespace);
    } else {
      rendered.setApiGroup(RoleRef.API_GROUP);
    }
    return rendered;
  }

  /**
   * Checks the subject as {@code ValidateRoleBindingSubject} does; {@code v} is at the subject
   * and {@code clusterBinding} says whether it belongs to a ClusterRoleBinding.
   */
  final void validate(Validation v, boolean clusterBinding) {
    Validation name = v.field("name");
    if (kind() == Kind.SERVICE_ACCOUNT) {
      Names.checkDns1123Subdomain(name, name());
      Validation namespace = v.field("namespace");
      namespace().ifPresent(ns -> Names.checkDns1123Label(namespace, ns));
      if (clusterBinding) {
        namespace.check(namespace().isPresent(),
            "is required for a ServiceAccount in a ClusterRoleBinding: use serviceAccount(name, namespace)");
      }
    } else {
      name.check(!name().isEmpty(), "must not be empty");
    }
  }
}
