package dev.mizzen.testkit.assertions;

import dev.mizzen.validation.ObjectRef;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;

/**
 * Reads the metadata of a {@link KubernetesObject} null-safely, as assertions need it: unset
 * fields are null (an assertion tells "no namespace" from "namespace \"\""). The kind and the
 * display format are {@link ObjectRef}'s, like everywhere else.
 */
final class ObjectFields {

  private ObjectFields() {}

  /** {@code kind}, or when unset the kind the model class stands for ({@code V1Deployment} is a Deployment). */
  static String kind(KubernetesObject object) {
    return ObjectRef.of(object).kind();
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
    String name = name(object);
    return ObjectRef.of(kind(object), namespace(object), name == null ? "(unnamed)" : name).toString();
  }
}
