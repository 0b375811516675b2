package dev.mizzen.testkit.assertions;

import io.kubernetes.client.openapi.models.V1Namespace;
import java.util.Objects;

/** Assertions on a Namespace. */
public class NamespaceAssert extends AbstractKubernetesObjectAssert<NamespaceAssert, V1Namespace> {

  /** An assert on {@code actual}. */
  public NamespaceAssert(V1Namespace actual) {
    super(actual, NamespaceAssert.class);
  }

  /**
   * Asserts the label {@code pod-security.kubernetes.io/enforce} is {@code level} ({@code restricted},
   * {@code baseline}, {@code privileged}).
   */
  public NamespaceAssert enforcesPodSecurity(String level) {
    requireActual();
    String key = "pod-security.kubernetes.io/enforce";
    String found = ObjectFields.labels(actual).get(key);
    if (!Objects.equals(level, found)) {
      failAt(location().field("metadata.labels").key(key), "expected " + quote(level) + ", but was "
          + (found == null ? "unset (the cluster's default, privileged unless configured)" : quote(found)));
    }
    return myself;
  }
}
