package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Map;
import java.util.Objects;

/**
 * Assertions every top-level Kubernetes object shares: its metadata (namespace, labels,
 * annotations). Failure messages start with the object, {@code Kind/namespace/name}.
 *
 * @param <SELF> the assert's own type
 * @param <ACTUAL> the client-java model
 */
public abstract class AbstractKubernetesObjectAssert<
        SELF extends AbstractKubernetesObjectAssert<SELF, ACTUAL>, ACTUAL extends KubernetesObject>
    extends AbstractMizzenAssert<SELF, ACTUAL> {

  /** An assert on {@code actual}, named in messages by its kind, namespace and name. */
  protected AbstractKubernetesObjectAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType, actual == null ? "(null)" : ObjectFields.ref(actual));
  }

  /** Asserts {@code metadata.namespace} is {@code namespace}. */
  public SELF isInNamespace(String namespace) {
    requireActual();
    String found = ObjectFields.namespace(actual);
    if (!Objects.equals(namespace, found)) {
      failAt(location().field("metadata.namespace"),
          "expected namespace " + quote(namespace) + ", but was " + (found == null ? "none" : quote(found)));
    }
    return myself;
  }

  /** Asserts the object carries the label {@code key=value}. */
  public SELF hasLabel(String key, String value) {
    requireActual();
    Map<String, String> labels = ObjectFields.labels(actual);
    checkEntry(location().field("metadata.labels"), "label", labels, key, value);
    return myself;
  }

  /** Asserts the object carries the annotation {@code key}, whatever its value. */
  public SELF hasAnnotation(String key) {
    requireActual();
    Map<String, String> annotations = annotations();
    if (!annotations.containsKey(key)) {
      failAt(location().field("metadata.annotations"),
          "expected an annotation " + quote(key) + ", but found only " + annotations.keySet());
    }
    return myself;
  }

  /** Asserts the object carries the annotation {@code key=value}. */
  public SELF hasAnnotation(String key, String value) {
    requireActual();
    checkEntry(location().field("metadata.annotations"), "annotation", annotations(), key, value);
    return myself;
  }

  private Map<String, String> annotations() {
    V1ObjectMeta metadata = actual.getMetadata();
    return metadata == null || metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
  }

  private void checkEntry(Location where, String what, Map<String, String> map, String key, String value) {
    if (!map.containsKey(key)) {
      failAt(where, "expected " + what + " " + quote(key) + " = " + quote(value) + ", but there is no such "
          + what + " (found " + map.keySet() + ")");
    } else if (!Objects.equals(map.get(key), value)) {
      failAt(where.key(key), "expected " + quote(value) + ", but was " + quote(map.get(key)));
    }
  }
}
