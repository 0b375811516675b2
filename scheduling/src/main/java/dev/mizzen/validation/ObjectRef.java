package dev.mizzen.validation;

import static java.util.Objects.requireNonNull;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * Which Kubernetes object something is about, as every message shows it: {@code Kind/name}, or
 * {@code Kind/namespace/name} once the namespace is known ({@code Deployment/shop/web}). Used by
 * validation problems, policy and schema findings, assertions and server-side apply alike.
 *
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespace the namespace; empty for cluster-scoped objects and for objects whose
 *     namespace is not known yet (a DSL value outside an App)
 * @param name the name; for an object with only {@code generateName}, that prefix and {@code *}
 */
public record ObjectRef(String kind, String namespace, String name) {
  private static final ClassValue<String> KIND_OF_CLASS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return kindOfClassName(type.getSimpleName());
    }
  };

  public ObjectRef {
    requireNonNull(kind, "kind");
    requireNonNull(namespace, "namespace");
    requireNonNull(name, "name");
  }

  /** An object whose namespace is not known or that has none. */
  public static ObjectRef of(String kind, String name) {
    return new ObjectRef(kind, "", name);
  }

  /** An object in {@code namespace} (empty for none). */
  public static ObjectRef of(String kind, String namespace, String name) {
    return new ObjectRef(kind, namespace == null ? "" : namespace, name);
  }

  /**
   * The identity of a client-java object. The kind is its {@code kind} field or, when that is
   * unset, the model class's ({@code V1Deployment} is a {@code Deployment}); the name falls back
   * to {@code generateName} followed by {@code *}; missing parts are empty.
   */
  public static ObjectRef of(KubernetesObject object) {
    String kind = object.getKind();
    if (kind == null || kind.isEmpty()) {
      kind = KIND_OF_CLASS.get(object.getClass());
    }
    V1ObjectMeta metadata = object.getMetadata();
    if (metadata == null) {
      return new ObjectRef(kind, "", "");
    }
    String name = metadata.getName() != null ? metadata.getName()
        : metadata.getGenerateName() != null ? metadata.getGenerateName() + "*" : "";
    return of(kind, metadata.getNamespace(), name);
  }

  /** This object in {@code namespace}. */
  public ObjectRef inNamespace(String namespace) {
    return of(kind, namespace, name);
  }

  // equals and hashCode written out: a record's generated ones are bootstrapped through
  // invokedynamic on first use, and that first use (an App's reference check, in every cold
  // render) cost about 5% of the command line's CPU (docs/benchmarks.md).
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof ObjectRef that
            && kind.equals(that.kind) && namespace.equals(that.namespace) && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return (kind.hashCode() * 31 + namespace.hashCode()) * 31 + name.hashCode();
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace. */
  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** {@code V1Deployment} is {@code Deployment}, {@code V2HorizontalPodAutoscaler} is {@code HorizontalPodAutoscaler}. */
  static String kindOfClassName(String simpleName) {
    int i = 0;
    if (simpleName.length() > 1 && simpleName.charAt(0) == 'V' && Character.isDigit(simpleName.charAt(1))) {
      i = 1;
      while (i < simpleName.length() && Character.isDigit(simpleName.charAt(i))) {
        i++;
      }
      for (String stage : new String[] {"alpha", "beta"}) {
        if (simpleName.startsWith(stage, i)) {
          i += stage.length();
          while (i < simpleName.length() && Character.isDigit(simpleName.charAt(i))) {
            i++;
          }
        }
      }
    }
    return i < simpleName.length() ? simpleName.substring(i) : simpleName;
  }
}
