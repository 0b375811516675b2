package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the identity of a {@link KubernetesObject}: kind, namespace, name and labels, null-safely. */
final class KubernetesObjects {
  private static final Pattern VERSION_PREFIX = Pattern.compile("^V\\d+(?:alpha\\d+|beta\\d+)?(?=[A-Z])");

  private KubernetesObjects() {}

  /** {@code kind}, or when unset the kind the model class stands for ({@code V1Deployment} is a Deployment). */
  static String kind(KubernetesObject object) {
    String kind = object.getKind();
    if (kind != null && !kind.isEmpty()) {
      return kind;
    }
    return VERSION_PREFIX.matcher(object.getClass().getSimpleName()).replaceFirst("");
  }

  /** {@code metadata.name}, or null. */
  static String name(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    return metadata == null ? null : metadata.getName();
  }

  /** {@code metadata.namespace}, or null (cluster-scoped, or rendered without a namespace). */
  static String namespace(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    return metadata == null ? null : metadata.getNamespace();
  }

  /** {@code metadata.labels}, never null. */
  static Map<String, String> labels(KubernetesObject object) {
    V1ObjectMeta metadata = object.getMetadata();
    return metadata == null || metadata.getLabels() == null ? Map.of() : metadata.getLabels();
  }

  /** {@code Kind/namespace/name}, or {@code Kind/name} without a namespace, as messages name objects. */
  static String ref(KubernetesObject object) {
    String namespace = namespace(object);
    String name = name(object);
    String shownName = name == null ? "(unnamed)" : name;
    return namespace == null || namespace.isEmpty()
        ? kind(object) + "/" + shownName
        : kind(object) + "/" + namespace + "/" + shownName;
  }
}
