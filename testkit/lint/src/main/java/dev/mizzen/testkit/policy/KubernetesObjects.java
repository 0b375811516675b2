package dev.mizzen.testkit.policy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * The identity of a client-java object as findings show it: kind, namespace, name and the
 * reference {@code Kind/namespace/name}.
 */
public final class KubernetesObjects {
  private static final ClassValue<String> KIND_OF_CLASS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return kindOfClassName(type.getSimpleName());
    }
  };

  private KubernetesObjects() {}

  /**
   * The kind: the object's {@code kind} field, or, when that is unset, the model class name
   * without its version prefix ({@code V1Deployment} is {@code Deployment}).
   */
  public static String kind(KubernetesObject object) {
    String kind = object.getKind();
    return kind != null && !kind.isEmpty() ? kind : KIND_OF_CLASS.get(object.getClass());
  }

  /** The namespace, or the empty string when it has none. */
  public static String namespace(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    String namespace = metadata == null ? null : metadata.getNamespace();
    return namespace == null ? "" : namespace;
  }

  /**
   * The name; for an object that only has {@code generateName}, that prefix followed by
   * {@code *}; the empty string when it has neither.
   */
  public static String name(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    if (metadata == null) {
      return "";
    }
    if (metadata.getName() != null) {
      return metadata.getName();
    }
    return metadata.getGenerateName() == null ? "" : metadata.getGenerateName() + "*";
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} when the object has no namespace. */
  public static String ref(KubernetesObject object) {
    return ref(kind(object), namespace(object), name(object));
  }

  static String ref(String kind, String namespace, String name) {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** {@code V1Deployment} -> {@code Deployment}, {@code V2HorizontalPodAutoscaler} -> {@code HorizontalPodAutoscaler}. */
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
