package dev.mizzen.testkit.assertions;

import io.kubernetes.client.common.KubernetesObject;

/** Assertions on any Kubernetes object's metadata; what {@code .object(kind, name)} navigates to. */
public class KubernetesObjectAssert
    extends AbstractKubernetesObjectAssert<KubernetesObjectAssert, KubernetesObject> {

  /** An assert on {@code actual}. */
  public KubernetesObjectAssert(KubernetesObject actual) {
    super(actual, KubernetesObjectAssert.class);
  }

  /** Asserts the object's kind is {@code kind} ({@code Deployment}, {@code ConfigMap}, ...). */
  public KubernetesObjectAssert isKind(String kind) {
    requireActual();
    String found = ObjectFields.kind(actual);
    if (!kind.equals(found)) {
      failAt(location().field("kind"), "expected kind " + quote(kind) + ", but was " + quote(found));
    }
    return myself;
  }
}
